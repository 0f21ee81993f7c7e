import { render } from 'preact';
import { Shop } from './state/shop';
import { browserStore } from './state/storage';
import { App } from './ui/App';
import { ShopContext } from './ui/context';
import './styles.css';

const shop = new Shop((input, init) => fetch(input, init), browserStore());
void shop.start();
render(<ShopContext.Provider value={shop}><App /></ShopContext.Provider>, document.getElementById('app')!);
