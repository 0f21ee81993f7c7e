// Shapes of the public REST API (ApiGateway/Protos/shop/v1/*.proto through JSON transcoding, lowerCamelCase).

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Product {
  sku: string;
  name: string;
  description?: string;
  category?: string;
  price?: Money;
  stock?: number;
  attributes?: Record<string, string>;
  images?: string[];
  published?: boolean;
  createdAt?: string;
  updatedAt?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ProductPage {
  items?: Product[];
  total?: number;
  facets?: { categories?: FacetCount[]; priceBands?: FacetCount[] };
}

export interface ProductQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface ProductInput {
  sku?: string;
  name: string;
  description?: string;
  category: string;
  price: Money;
  images?: string[];
  published?: boolean;
  stock?: number;
}

export interface StockLevel {
  sku: string;
  onHand?: number;
  reserved?: number;
  available?: number;
}

export interface LineItem {
  sku: string;
  name?: string;
  quantity: number;
  unitPrice?: Money;
  lineTotal?: Money;
}

export interface Cart {
  cartId?: string;
  lines?: LineItem[];
  total?: Money;
}

export interface Tokens {
  userId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Profile {
  userId: string;
  email: string;
  name?: string;
  phone?: string;
  roles?: string[];
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export type PaymentMethod = 'card' | 'cash_on_delivery';

export interface PlaceOrder {
  paymentMethod: PaymentMethod;
  paymentToken?: string;
  shippingAddress: ShippingAddress;
}

export interface Payment {
  method?: string;
  status?: string;
  clientSecret?: string;
  failureReason?: string;
  amount?: Money;
  refunded?: Money;
}

export interface Order {
  orderId: string;
  status: string;
  reason?: string;
  lines?: LineItem[];
  total?: Money;
  payment?: Payment;
  shippingAddress?: ShippingAddress;
  createdAt?: string;
  updatedAt?: string;
}

export interface PaymentsConfig {
  provider: 'test' | 'stripe';
  stripePublishableKey?: string;
}
