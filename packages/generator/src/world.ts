import type { Actor, ActorId, Currency, RegionId } from '@salesbook/domain';

/** A sales team member with the actor they act as. */
export interface Rep {
  readonly actor: Actor;
  readonly region: Region;
}

/** A sales region: its currency, its regional manager and its reps. */
export interface Region {
  readonly id: RegionId;
  readonly currency: Currency;
  /** Prices are listed in CNY minor units; this converts them into the region's currency. */
  readonly priceFactor: number;
  readonly manager: Actor;
  readonly reps: Rep[];
}

/** A product of the catalogue with its list price in CNY minor units. */
export interface Product {
  readonly sku: string;
  readonly description: string;
  /** The product line (the catalogue's category). */
  readonly category: string;
  readonly listPrice: number;
  /** The standard cost of one unit in CNY minor units. */
  readonly standardCost: number;
}

/** Everyone who acts in the simulation besides the reps and regional managers. */
export interface Staff {
  readonly salesManager: Actor;
  readonly finance: readonly Actor[];
  /** Warehouse and carrier integration: records shipments and deliveries. */
  readonly logistics: Actor;
  /** The survey platform: records survey answers. */
  readonly surveys: Actor;
  /** The web and e-mail service desk: files complaints that come in through those channels. */
  readonly serviceDesk: Actor;
}

/** The company the generator simulates. */
export interface World {
  readonly regions: readonly Region[];
  readonly staff: Staff;
  readonly catalogue: readonly Product[];
  /** The category of each sku of the catalogue. */
  readonly categories: ReadonlyMap<string, string>;
  /** Every rep by actor id (receivables and orders name their rep by id). */
  readonly repsById: ReadonlyMap<string, Rep>;
}

const REGIONS: readonly { id: string; currency: string; priceFactor: number }[] = [
  { id: 'north', currency: 'CNY', priceFactor: 1 },
  { id: 'south', currency: 'CNY', priceFactor: 1 },
  { id: 'east', currency: 'CNY', priceFactor: 1 },
  { id: 'west', currency: 'CNY', priceFactor: 1 },
  { id: 'central', currency: 'CNY', priceFactor: 1 },
  // Export customers are invoiced in US dollars: reports must keep the currencies apart.
  { id: 'overseas', currency: 'USD', priceFactor: 1 / 7 },
];

/** Code, name, list price (CNY minor units) and standard cost as a share of it, per product line. */
const PRODUCT_LINES: readonly [string, string, number, number][] = [
  ['PMP', 'Centrifugal pump', 1_250_000, 0.62],
  ['VLV', 'Ball valve', 86_000, 0.55],
  ['SNS', 'Pressure sensor', 42_000, 0.48],
  ['CTL', 'Programmable controller', 530_000, 0.58],
  ['CBL', 'Shielded cable, 100 m', 38_000, 0.7],
  ['MTR', 'Induction motor', 760_000, 0.64],
  ['GBX', 'Gearbox', 410_000, 0.6],
  ['FLT', 'Filter cartridge', 9_800, 0.4],
  ['BRG', 'Roller bearing', 15_500, 0.52],
  ['SVC', 'Maintenance visit', 180_000, 0.35],
];
const VARIANTS: readonly [string, number][] = [
  ['S', 0.8],
  ['M', 1],
  ['L', 1.45],
  ['XL', 2.1],
];

const actor = (id: string, role: Actor['role'], region?: string): Actor =>
  region === undefined ? { id: id as ActorId, role } : { id: id as ActorId, role, region: region as RegionId };

/** The regions (six, one invoicing in USD), `repsPerRegion` reps each, the staff and a catalogue of 40 products. */
export function createWorld(repsPerRegion: number, idPrefix: string): World {
  const repsById = new Map<string, Rep>();
  const regions = REGIONS.map(({ id, currency, priceFactor }) => {
    const region: Region = {
      id: id as RegionId,
      currency: currency as Currency,
      priceFactor,
      manager: actor(`${idPrefix}rm-${id}`, 'regional_manager', id),
      reps: [],
    };
    for (let n = 1; n <= repsPerRegion; n += 1) {
      const rep = { actor: actor(`${idPrefix}rep-${id}-${String(n).padStart(2, '0')}`, 'sales_rep', id), region };
      region.reps.push(rep);
      repsById.set(rep.actor.id, rep);
    }
    return region;
  });
  const staff: Staff = {
    salesManager: actor(`${idPrefix}sm-01`, 'sales_manager'),
    finance: [actor(`${idPrefix}fin-01`, 'finance'), actor(`${idPrefix}fin-02`, 'finance')],
    logistics: actor(`${idPrefix}logistics`, 'system'),
    surveys: actor(`${idPrefix}survey-platform`, 'system'),
    serviceDesk: actor(`${idPrefix}service-desk`, 'system'),
  };
  const catalogue = PRODUCT_LINES.flatMap(([code, name, price, costShare]) =>
    VARIANTS.map(([size, factor]) => {
      const listPrice = Math.round((price * factor) / 100) * 100;
      return {
        sku: `${code}-${size}`,
        description: `${name}, size ${size}`,
        category: name,
        listPrice,
        standardCost: Math.round(listPrice * costShare),
      };
    }),
  );
  return {
    regions,
    staff,
    catalogue,
    categories: new Map(catalogue.map((product) => [product.sku, product.category])),
    repsById,
  };
}
