import { useState } from 'preact/hooks';
import { ApiError } from '../../api/errors';
import { Alert, Field, messageOf, useTitle } from '../components';
import { useShop } from '../context';
import { navigate, type Location } from '../router';

type Errors = Record<string, string>;

function safeNext(location: Location): string {
  const next = location.query.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function apiErrors(error: unknown): { fields: Errors; form: string | null } {
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) return { fields: error.fieldErrors, form: null };
  return { fields: {}, form: messageOf(error) };
}

// Signs in, then goes where the shopper was headed; a refusal is shown next to its field or above the form.
async function signIn(
  action: () => Promise<void>, location: Location, setBusy: (busy: boolean) => void,
  setErrors: (errors: { fields: Errors; form: string | null }) => void,
): Promise<void> {
  setBusy(true);
  try {
    await action();
    navigate(safeNext(location));
  } catch (e) {
    setErrors(apiErrors(e));
  } finally {
    setBusy(false);
  }
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** Log in; the guest cart is merged into the user's. */
export function LoginPage({ location }: { location: Location }) {
  const shop = useShop();
  useTitle('Log in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ fields: Errors; form: string | null }>({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields: Errors = {};
    if (!email.trim()) fields.email = 'Enter your e-mail address.';
    if (!password) fields.password = 'Enter your password.';
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    await signIn(() => shop.login(email.trim(), password), location, setBusy, setErrors);
  };
  return (
    <section class="narrow">
      <h1>Log in</h1>
      <form onSubmit={submit} noValidate>
        <Alert error={errors.form} />
        <Field id="email" label="E-mail" type="email" autocomplete="email" value={email} error={errors.fields.email} onInput={(e) => setEmail(value(e))} />
        <Field id="password" label="Password" type="password" autocomplete="current-password" value={password} error={errors.fields.password} onInput={(e) => setPassword(value(e))} />
        <button type="submit" class="primary" disabled={busy}>Log in</button>
      </form>
      <p>New here? <a href={`/register?next=${encodeURIComponent(safeNext(location))}`}>Create an account</a></p>
    </section>
  );
}

/** Register; like login, the guest cart is kept. */
export function RegisterPage({ location }: { location: Location }) {
  const shop = useShop();
  useTitle('Create an account');
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<{ fields: Errors; form: string | null }>({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof form) => (e: Event) => setForm({ ...form, [name]: value(e) });
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields: Errors = {};
    if (!form.name.trim()) fields.name = 'Enter your name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) fields.email = 'Enter an e-mail address like name@example.com.';
    if (form.password.length < 8) fields.password = 'Use at least 8 characters.';
    if (Object.keys(fields).length) return setErrors({ fields, form: null });
    await signIn(() => shop.register(form.email.trim(), form.password, form.name.trim()), location, setBusy, setErrors);
  };
  return (
    <section class="narrow">
      <h1>Create an account</h1>
      <form onSubmit={submit} noValidate>
        <Alert error={errors.form} />
        <Field id="name" label="Name" autocomplete="name" value={form.name} error={errors.fields.name} onInput={set('name')} />
        <Field id="email" label="E-mail" type="email" autocomplete="email" value={form.email} error={errors.fields.email} onInput={set('email')} />
        <Field id="password" label="Password" type="password" autocomplete="new-password" hint="At least 8 characters." value={form.password} error={errors.fields.password} onInput={set('password')} />
        <button type="submit" class="primary" disabled={busy}>Create account</button>
      </form>
      <p>Have an account? <a href={`/login?next=${encodeURIComponent(safeNext(location))}`}>Log in</a></p>
    </section>
  );
}
