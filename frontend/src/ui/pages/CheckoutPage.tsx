import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/errors';
import type { PaymentMethod, ShippingAddress } from '../../api/models';
import { Alert, Field, Loading, messageOf, useLoad, useTitle } from '../components';
import { useShop } from '../context';
import { formatMoney } from '../format';
import { navigate } from '../router';
import { loadStripe, type StripeJs } from '../stripe';

type Errors = Record<string, string>;

/** Test cards of the built-in payment gateway. */
export const testCards: [string, string][] = [
  ['tok_visa', 'Visa 4242 (succeeds)'],
  ['tok_chargeDeclined', 'Card 0002 (declined)'],
  ['tok_threeDSecure2Required', 'Card 3220 (needs authentication)'],
];

const fields: [keyof ShippingAddress, string, string][] = [
  ['name', 'Full name', 'name'],
  ['line1', 'Address', 'address-line1'],
  ['line2', 'Address line 2 (optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['postalCode', 'Postal code', 'postal-code'],
  ['country', 'Country code', 'country'],
];

/** Client-side checks of the address, the same rules the gateway applies. */
export function validateAddress(address: ShippingAddress): Errors {
  const errors: Errors = {};
  if (!address.name.trim()) errors.name = 'Enter the name of the recipient.';
  if (!address.line1.trim()) errors.line1 = 'Enter the street address.';
  if (!address.city.trim()) errors.city = 'Enter the city.';
  if (!address.postalCode.trim()) errors.postalCode = 'Enter the postal code.';
  else if (address.postalCode.trim().length > 20) errors.postalCode = 'The postal code is at most 20 characters.';
  if (!/^[A-Za-z]{2}$/.test(address.country.trim())) errors.country = 'Enter a two-letter country code such as DE or FR.';
  return errors;
}

function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Shipping address, payment method, place the order. */
export function CheckoutPage() {
  const shop = useShop();
  useTitle('Checkout');
  const config = useLoad(() => shop.api.paymentsConfig(), []);
  const [address, setAddress] = useState<ShippingAddress>({ name: shop.auth.profile?.name ?? '', line1: '', line2: '', city: '', postalCode: '', country: '' });
  const [method, setMethod] = useState<PaymentMethod>('cash_on_delivery');
  const [testCard, setTestCard] = useState(testCards[0][0]);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newKey);
  const stripeRef = useRef<{ stripe: StripeJs; card: ReturnType<ReturnType<StripeJs['elements']>['create']> } | null>(null);
  const cardHost = useRef<HTMLDivElement>(null);
  const stripeKey = config.data?.provider === 'stripe' ? config.data.stripePublishableKey : undefined;

  useEffect(() => {
    if (!shop.auth.signedIn) navigate('/login?next=/checkout', true);
  }, [shop.auth.signedIn]);

  useEffect(() => {
    if (method !== 'card' || !stripeKey || !cardHost.current || stripeRef.current) return;
    loadStripe(stripeKey)
      .then((stripe) => {
        const card = stripe.elements().create('card');
        card.mount(cardHost.current!);
        stripeRef.current = { stripe, card };
      })
      .catch((e: Error) => setErrors((current) => ({ ...current, paymentToken: e.message })));
  }, [method, stripeKey]);

  const lines = shop.cart.cart.lines ?? [];
  if (config.loading) return <Loading />;
  if (lines.length === 0) return <section><h1>Checkout</h1><p>Your cart is empty. <a href="/">Browse the catalog</a></p></section>;

  const paymentToken = async (): Promise<string | undefined> => {
    if (method !== 'card') return undefined;
    if (!stripeKey) return testCard;
    if (!stripeRef.current) throw new Error('The card form is not ready yet.');
    const { stripe, card } = stripeRef.current;
    const result = await stripe.createPaymentMethod({ type: 'card', card });
    if (!result.paymentMethod) throw new Error(result.error?.message ?? 'The card was not accepted.');
    return result.paymentMethod.id;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateAddress(address);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(Object.keys(found)[0])?.focus();
      return;
    }
    setBusy(true);
    try {
      const token = await paymentToken();
      const placed = await shop.api.placeOrder({
        paymentMethod: method,
        paymentToken: token,
        shippingAddress: { ...address, country: address.country.trim().toUpperCase() },
      }, idempotencyKey);
      shop.cart.cleared();
      navigate(`/orders/${placed.orderId}`);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const mapped: Errors = {};
        for (const [field, message] of Object.entries(e.fieldErrors)) mapped[field.replace(/^shippingAddress\./, '')] = message;
        setErrors(mapped);
        if (!Object.keys(mapped).some((f) => fields.some(([name]) => name === f))) setFormError(e.message);
      } else {
        setFormError(e instanceof ApiError ? messageOf(e) : (e as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="checkout">
      <h1>Checkout</h1>
      <form onSubmit={submit} noValidate>
        <Alert error={formError} />
        <fieldset>
          <legend>Shipping address</legend>
          {fields.map(([name, label, autocomplete]) => (
            <Field id={name} label={label} autocomplete={autocomplete} value={address[name] ?? ''} error={errors[name]}
              required={name !== 'line2'} maxLength={name === 'country' ? 2 : undefined}
              onInput={(e) => setAddress({ ...address, [name]: (e.target as HTMLInputElement).value })} />
          ))}
        </fieldset>
        <fieldset>
          <legend>Payment</legend>
          <label class="choice"><input type="radio" name="method" value="cash_on_delivery" checked={method === 'cash_on_delivery'} onChange={() => setMethod('cash_on_delivery')} /> Cash on delivery</label>
          <label class="choice"><input type="radio" name="method" value="card" checked={method === 'card'} onChange={() => setMethod('card')} /> Card</label>
          {method === 'card' && (stripeKey
            ? <div class="field"><span id="card-label">Card details</span><div ref={cardHost} class="stripe-card" aria-labelledby="card-label" /></div>
            : <Field id="testCard" label="Test card" error={errors.paymentToken} hint="The shop runs its built-in test payment gateway.">
                <select id="testCard" value={testCard} onChange={(e) => setTestCard((e.target as HTMLSelectElement).value)}>
                  {testCards.map(([token, label]) => <option value={token}>{label}</option>)}
                </select>
              </Field>)}
          {stripeKey && errors.paymentToken && <p class="field-error">{errors.paymentToken}</p>}
          {errors.paymentMethod && <p class="field-error">{errors.paymentMethod}</p>}
        </fieldset>
        <p class="total">Total: <strong>{formatMoney(shop.cart.cart.total)}</strong></p>
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Placing order…' : 'Place order'}</button>
      </form>
    </section>
  );
}
