import { useEffect, useState } from 'preact/hooks';
import { useShop } from './context';
import { match, navigate, onLinkClick, useLocation } from './router';
import { AdminProductEditPage, AdminProductsPage } from './pages/AdminPages';
import { LoginPage, RegisterPage } from './pages/AccountPages';
import { CartPage } from './pages/CartPage';
import { CatalogPage } from './pages/CatalogPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { OrderPage, OrdersPage } from './pages/OrderPages';
import { ProductPage } from './pages/ProductPage';

/** Layout and routes of the storefront. */
export function App() {
  const shop = useShop();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.path]);
  // Moves focus to the new page's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [location.path]);

  return (
    <div onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="site-header">
        <a href="/" class="brand">Shop</a>
        <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="site-nav" onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
        <nav id="site-nav" class={menuOpen ? 'open' : ''} aria-label="Main">
          <a href="/">Catalog</a>
          <a href="/cart" aria-label={`Cart, ${shop.cart.count} items`}>Cart <span class="badge" data-testid="cart-count">{shop.cart.count}</span></a>
          {shop.auth.signedIn ? (
            <>
              <a href="/orders">Orders</a>
              {shop.auth.isAdmin && <a href="/admin/products">Admin</a>}
              <span class="muted user">{shop.auth.profile?.name}</span>
              <button type="button" class="link" onClick={() => shop.logout().then(() => navigate('/'))}>Log out</button>
            </>
          ) : (
            <>
              <a href="/login">Log in</a>
              <a href="/register">Register</a>
            </>
          )}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Route location={location} />
      </main>
      <footer class="site-footer"><p>Shop · <a href="/scalar">API reference</a></p></footer>
    </div>
  );
}

function Route({ location }: { location: ReturnType<typeof useLocation> }) {
  const path = location.path.replace(/\/+$/, '') || '/';
  let params: Record<string, string> | null;
  if (path === '/') return <CatalogPage location={location} />;
  if ((params = match('/products/:sku', path))) return <ProductPage sku={params.sku} />;
  if (path === '/cart') return <CartPage />;
  if (path === '/checkout') return <CheckoutPage />;
  if (path === '/login') return <LoginPage location={location} />;
  if (path === '/register') return <RegisterPage location={location} />;
  if (path === '/orders') return <OrdersPage />;
  if ((params = match('/orders/:orderId', path))) return <OrderPage orderId={params.orderId} />;
  if (path === '/admin/products') return <AdminProductsPage />;
  if (path === '/admin/products/new') return <AdminProductEditPage />;
  if ((params = match('/admin/products/:sku/edit', path))) return <AdminProductEditPage sku={params.sku} />;
  return <section><h1 tabIndex={-1}>Page not found</h1><p><a href="/">Back to the catalog</a></p></section>;
}
