import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Shop } from '../state/shop';

export const ShopContext = createContext<Shop | null>(null);

/** The shop state, re-rendering the caller whenever the session or the cart changes. */
export function useShop(): Shop {
  const shop = useContext(ShopContext);
  if (!shop) throw new Error('useShop outside ShopContext');
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((n) => n + 1);
  useEffect(() => {
    const offAuth = shop.auth.subscribe(rerender);
    const offCart = shop.cart.subscribe(rerender);
    return () => {
      offAuth();
      offCart();
    };
  }, [shop]);
  return shop;
}
