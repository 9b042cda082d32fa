// Units of measurement: one table of conversion factors, the English and
// Chinese names that denote each unit, and the tolerance rule that decides
// whether a converted value is right "to the precision written".
//
// Written by hand on purpose: the factors are a few dozen exact definitions
// (the international yard and pound of 1959, the US gallon …), and what matters
// here — the names in running English and Chinese prose — no conversion
// library provides.

import type { Dimension } from './types';

export interface UnitDef {
  id: string;
  dimension: Dimension;
  /** Value of one unit in the dimension's base unit (kg, m, m², L, m/s, J, W, s). */
  factor: number;
  /** Temperature only: base (°C) = value * factor + offset. */
  offset?: number;
  /** Symbol used in messages. */
  symbol: string;
  /** Chinese name used in messages and fixes. */
  zh: string;
  metric: boolean;
}

const U: UnitDef[] = [];
function def(id: string, dimension: Dimension, factor: number, symbol: string, zh: string, metric: boolean, offset?: number): void {
  U.push({ id, dimension, factor, symbol, zh, metric, offset });
}

// mass (kg)
def('kg', 'mass', 1, 'kg', '公斤', true);
def('g', 'mass', 0.001, 'g', '克', true);
def('mg', 'mass', 1e-6, 'mg', '毫克', true);
def('t', 'mass', 1000, 't', '吨', true);
def('jin', 'mass', 0.5, '斤', '斤', true);
def('lb', 'mass', 0.45359237, 'lb', '磅', false);
def('oz', 'mass', 0.028349523125, 'oz', '盎司', false);
def('short-ton', 'mass', 907.18474, 'short ton', '短吨', false);
// length (m)
def('km', 'length', 1000, 'km', '公里', true);
def('m', 'length', 1, 'm', '米', true);
def('cm', 'length', 0.01, 'cm', '厘米', true);
def('mm', 'length', 0.001, 'mm', '毫米', true);
def('mi', 'length', 1609.344, 'mi', '英里', false);
def('ft', 'length', 0.3048, 'ft', '英尺', false);
def('in', 'length', 0.0254, 'in', '英寸', false);
def('yd', 'length', 0.9144, 'yd', '码', false);
def('nmi', 'length', 1852, 'nmi', '海里', false);
// area (m²)
def('m2', 'area', 1, 'm²', '平方米', true);
def('km2', 'area', 1e6, 'km²', '平方公里', true);
def('ha', 'area', 1e4, 'ha', '公顷', true);
def('mu', 'area', 10000 / 15, '亩', '亩', true);
def('acre', 'area', 4046.8564224, 'acre', '英亩', false);
def('sqft', 'area', 0.09290304, 'sq ft', '平方英尺', false);
def('sqmi', 'area', 2589988.110336, 'sq mi', '平方英里', false);
// volume (L)
def('L', 'volume', 1, 'L', '升', true);
def('mL', 'volume', 0.001, 'mL', '毫升', true);
def('m3', 'volume', 1000, 'm³', '立方米', true);
def('gal', 'volume', 3.785411784, 'gal', '加仑', false);
def('bbl', 'volume', 158.987294928, 'bbl', '桶', false);
def('cuft', 'volume', 28.316846592, 'cu ft', '立方英尺', false);
// temperature (°C)
def('C', 'temperature', 1, '°C', '摄氏度', true, 0);
def('F', 'temperature', 5 / 9, '°F', '华氏度', false, -32 * (5 / 9));
def('K', 'temperature', 1, 'K', '开尔文', true, -273.15);
// speed (m/s)
def('kmh', 'speed', 1 / 3.6, 'km/h', '公里/小时', true);
def('ms', 'speed', 1, 'm/s', '米/秒', true);
def('mph', 'speed', 0.44704, 'mph', '英里/小时', false);
def('kn', 'speed', 1852 / 3600, 'kn', '节', false);
// energy (J)
def('J', 'energy', 1, 'J', '焦耳', true);
def('kJ', 'energy', 1e3, 'kJ', '千焦', true);
def('MJ', 'energy', 1e6, 'MJ', '兆焦', true);
def('GJ', 'energy', 1e9, 'GJ', '吉焦', true);
def('Wh', 'energy', 3600, 'Wh', '瓦时', true);
def('kWh', 'energy', 3.6e6, 'kWh', '千瓦时', true);
def('MWh', 'energy', 3.6e9, 'MWh', '兆瓦时', true);
def('GWh', 'energy', 3.6e12, 'GWh', '吉瓦时', true);
def('TWh', 'energy', 3.6e15, 'TWh', '太瓦时', true);
def('BTU', 'energy', 1055.05585262, 'BTU', '英热单位', false);
// power (W)
def('W', 'power', 1, 'W', '瓦', true);
def('kW', 'power', 1e3, 'kW', '千瓦', true);
def('MW', 'power', 1e6, 'MW', '兆瓦', true);
def('GW', 'power', 1e9, 'GW', '吉瓦', true);
def('TW', 'power', 1e12, 'TW', '太瓦', true);
def('hp', 'power', 745.69987158227022, 'hp', '马力', false);

/** A lookup table without prototype keys ("constructor" is not a unit). */
export function table<V>(o: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(o));
}

export const UNITS: ReadonlyMap<string, UnitDef> = new Map(U.map((u) => [u.id, u]));

export function unitDef(id: string | undefined): UnitDef | undefined {
  return id === undefined ? undefined : UNITS.get(id);
}

/** English unit names (lower case unless case matters: "MW" vs "mW"). Longest names are tried first by the extractor. */
export const EN_UNIT_WORDS: ReadonlyMap<string, string> = table({
  // mass
  pound: 'lb', pounds: 'lb', lb: 'lb', lbs: 'lb', ounce: 'oz', ounces: 'oz', oz: 'oz',
  kilogram: 'kg', kilograms: 'kg', kilogramme: 'kg', kilogrammes: 'kg', kilo: 'kg', kilos: 'kg', kg: 'kg', kgs: 'kg',
  gram: 'g', grams: 'g', gramme: 'g', grammes: 'g', g: 'g', milligram: 'mg', milligrams: 'mg', mg: 'mg',
  tonne: 't', tonnes: 't', ton: 't', tons: 't',
  // length
  mile: 'mi', miles: 'mi', mi: 'mi', foot: 'ft', feet: 'ft', ft: 'ft', inch: 'in', inches: 'in',
  yard: 'yd', yards: 'yd', yd: 'yd', yds: 'yd',
  kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km', km: 'km', kms: 'km',
  metre: 'm', metres: 'm', meter: 'm', meters: 'm', m: 'm',
  centimetre: 'cm', centimetres: 'cm', centimeter: 'cm', centimeters: 'cm', cm: 'cm',
  millimetre: 'mm', millimetres: 'mm', millimeter: 'mm', millimeters: 'mm', mm: 'mm',
  // area
  acre: 'acre', acres: 'acre', hectare: 'ha', hectares: 'ha', ha: 'ha',
  // volume
  gallon: 'gal', gallons: 'gal', gal: 'gal', litre: 'L', litres: 'L', liter: 'L', liters: 'L', l: 'L',
  millilitre: 'mL', millilitres: 'mL', milliliter: 'mL', milliliters: 'mL', ml: 'mL', barrel: 'bbl', barrels: 'bbl', bbl: 'bbl',
  // speed
  mph: 'mph', kph: 'kmh', knot: 'kn', knots: 'kn',
  // energy
  wh: 'Wh', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh', joule: 'J', joules: 'J', kilojoule: 'kJ', kilojoules: 'kJ',
  megajoule: 'MJ', megajoules: 'MJ', gigajoule: 'GJ', gigajoules: 'GJ', btu: 'BTU', btus: 'BTU',
  'watt-hour': 'Wh', 'watt-hours': 'Wh', 'kilowatt-hour': 'kWh', 'kilowatt-hours': 'kWh', 'megawatt-hour': 'MWh', 'megawatt-hours': 'MWh',
  'gigawatt-hour': 'GWh', 'gigawatt-hours': 'GWh', 'terawatt-hour': 'TWh', 'terawatt-hours': 'TWh',
  // power
  watt: 'W', watts: 'W', w: 'W', kilowatt: 'kW', kilowatts: 'kW', kw: 'kW', megawatt: 'MW', megawatts: 'MW', mw: 'MW',
  gigawatt: 'GW', gigawatts: 'GW', gw: 'GW', terawatt: 'TW', terawatts: 'TW', tw: 'TW', horsepower: 'hp', hp: 'hp',
});

/** Multi-word English unit names, matched on lower-cased words joined by one space. */
export const EN_UNIT_PHRASES: ReadonlyMap<string, string> = table({
  'square feet': 'sqft', 'square foot': 'sqft', 'sq ft': 'sqft', 'sq. ft.': 'sqft', 'sq. ft': 'sqft', 'sq feet': 'sqft',
  'square miles': 'sqmi', 'square mile': 'sqmi', 'sq mi': 'sqmi',
  'square meters': 'm2', 'square metres': 'm2', 'square meter': 'm2', 'square metre': 'm2', 'sq m': 'm2',
  'square kilometers': 'km2', 'square kilometres': 'km2', 'square kilometer': 'km2', 'square kilometre': 'km2', 'sq km': 'km2',
  'cubic meters': 'm3', 'cubic metres': 'm3', 'cubic meter': 'm3', 'cubic metre': 'm3', 'cubic feet': 'cuft', 'cubic foot': 'cuft',
  'miles per hour': 'mph', 'mile per hour': 'mph', 'kilometers per hour': 'kmh', 'kilometres per hour': 'kmh',
  'meters per second': 'ms', 'metres per second': 'ms', 'metric tons': 't', 'metric ton': 't', 'short tons': 'short-ton',
  'nautical miles': 'nmi', 'nautical mile': 'nmi', 'degrees fahrenheit': 'F', 'degree fahrenheit': 'F', 'degrees celsius': 'C',
  'degree celsius': 'C', 'degrees centigrade': 'C',
});

/** Chinese unit names, longest first when matching. */
export const ZH_UNIT_WORDS: [string, string][] = ([
  ['公斤', 'kg'], ['千克', 'kg'], ['毫克', 'mg'], ['克', 'g'], ['公吨', 't'], ['吨', 't'], ['斤', 'jin'], ['磅', 'lb'], ['盎司', 'oz'], ['短吨', 'short-ton'],
  ['公里', 'km'], ['千米', 'km'], ['厘米', 'cm'], ['公分', 'cm'], ['毫米', 'mm'], ['米', 'm'], ['英里', 'mi'], ['英尺', 'ft'], ['呎', 'ft'],
  ['英寸', 'in'], ['吋', 'in'], ['码', 'yd'], ['海里', 'nmi'],
  ['平方公里', 'km2'], ['平方千米', 'km2'], ['平方米', 'm2'], ['平米', 'm2'], ['公顷', 'ha'], ['亩', 'mu'], ['英亩', 'acre'],
  ['平方英尺', 'sqft'], ['平方英里', 'sqmi'],
  ['立方米', 'm3'], ['立方英尺', 'cuft'], ['加仑', 'gal'], ['公升', 'L'], ['毫升', 'mL'], ['升', 'L'], ['桶', 'bbl'],
  ['摄氏度', 'C'], ['℃', 'C'], ['°C', 'C'], ['华氏度', 'F'], ['℉', 'F'], ['°F', 'F'],
  ['公里/小时', 'kmh'], ['千米/小时', 'kmh'], ['公里每小时', 'kmh'], ['英里/小时', 'mph'], ['英里每小时', 'mph'], ['米/秒', 'ms'], ['米每秒', 'ms'], ['节', 'kn'],
  ['千瓦时', 'kWh'], ['千瓦小时', 'kWh'], ['度电', 'kWh'], ['兆瓦时', 'MWh'], ['吉瓦时', 'GWh'], ['千兆瓦时', 'GWh'], ['太瓦时', 'TWh'], ['瓦时', 'Wh'],
  ['焦耳', 'J'], ['千焦', 'kJ'], ['兆焦', 'MJ'], ['吉焦', 'GJ'],
  ['千瓦', 'kW'], ['兆瓦', 'MW'], ['吉瓦', 'GW'], ['千兆瓦', 'GW'], ['太瓦', 'TW'], ['瓦特', 'W'], ['瓦', 'W'], ['马力', 'hp'],
  ['kWh', 'kWh'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['TWh', 'TWh'], ['kW', 'kW'], ['MW', 'MW'], ['GW', 'GW'], ['kg', 'kg'], ['km', 'km'],
  ['mph', 'mph'], ['km/h', 'kmh'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);

/** Converts `value` from one unit to another of the same dimension; undefined when they differ. */
export function convert(value: number, from: string, to: string): number | undefined {
  const a = UNITS.get(from);
  const b = UNITS.get(to);
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  const base = value * a.factor + (a.offset ?? 0);
  return (base - (b.offset ?? 0)) / b.factor;
}

/** Value in the dimension's base unit (for comparing two quantities of one dimension). */
export function toBase(value: number, unit: string): number | undefined {
  const a = UNITS.get(unit);
  return a ? value * a.factor + (a.offset ?? 0) : undefined;
}

/**
 * Whether `written` (with `decimals` decimal places) is an acceptable rendering
 * of the exact value `exact`: within half a unit of the last digit written, or
 * within the relative tolerance (wider when the text says "about").
 */
export function withinPrecision(exact: number, written: number, decimals: number, relTol: number, approx: boolean): boolean {
  const diff = Math.abs(exact - written);
  const half = 0.5 * Math.pow(10, -decimals) + 1e-9;
  if (diff <= half) return true;
  const rel = approx ? Math.max(relTol, 0.1) : relTol;
  return diff <= rel * Math.abs(exact) + 1e-12;
}

/** A converted value rounded for display: three significant digits, at most two decimals for values ≥ 1. */
export function roundForDisplay(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const mag = Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.max(0, Math.min(6, 2 - mag));
  const p = Math.pow(10, decimals);
  return Math.round(v * p) / p;
}
