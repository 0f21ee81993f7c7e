// The API's shapes under the names the storefront uses. Every one is an alias of a type that openapi-typescript
// generates from the OpenAPI document (schema.ts, `npm run api:types`); none is written by hand.
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type Money = Schemas['Money'];
export type Product = Schemas['Product'];
export type FacetCount = Schemas['FacetCount'];
export type ProductPage = Schemas['ListProductsResponse'];
export type ProductQuery = NonNullable<operations['ListProducts']['parameters']['query']>;
export type ProductInput = Schemas['ProductInput'];
export type StockLevel = Schemas['StockLevel'];
export type LineItem = Schemas['LineItem'];
export type Cart = Schemas['Cart'];
export type Tokens = Schemas['TokenResponse'];
export type Profile = Schemas['Profile'];
export type ShippingAddress = Schemas['ShippingAddress'];
export type PaymentMethod = NonNullable<Schemas['PlaceOrderRequest']['paymentMethod']>;
export type PlaceOrder = Schemas['PlaceOrderRequest'];
export type PlacedOrder = Schemas['PlaceOrderResponse'];
export type Payment = Schemas['Payment'];
export type Order = Schemas['Order'];
export type OrderPage = Schemas['ListOrdersResponse'];
export type PaymentsConfig = Schemas['PaymentConfig'];
