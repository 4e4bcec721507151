import { render } from 'lit/html.js';
import { adoptStyles, type Styles } from './css.js';

/** How a reactive property of a widget is declared (a subset of Lit's `PropertyDeclaration`). */
export interface PropertyDeclaration {
  /** Its attribute's name, `false` for none; the property's name in lowercase by default. */
  attribute?: string | false;
  /** Whether the attribute follows the property. */
  reflect?: boolean;
  /** Private state: no attribute. */
  state?: boolean;
  /** Reads the attribute's text; the text as it is by default. */
  converter?: { fromAttribute(value: string | null): unknown };
}

export type PropertyDeclarations = Record<string, PropertyDeclaration>;

/** The properties that changed since the last update, with their old values. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** The properties a widget class and the classes it extends declare, merged as Lit merges them. */
const merged = new WeakMap<object, PropertyDeclarations>();
function declaredBy(widget: { properties: PropertyDeclarations }): PropertyDeclarations {
  let all = merged.get(widget);
  if (!all) {
    const parent = Object.getPrototypeOf(widget) as Partial<typeof widget>;
    merged.set(widget, (all = { ...(parent.properties ? declaredBy(parent as typeof widget) : {}), ...widget.properties }));
  }
  return all;
}

/** Adds the accessors of the properties `widget` declares to its prototype; returns their attributes. */
function observe(widget: { prototype: object; properties: PropertyDeclarations }): string[] {
  const proto = widget.prototype as Record<string, unknown>;
  return Object.entries(declaredBy(widget)).flatMap(([name, d]) => {
    if (!Object.hasOwn(proto, name))
      Object.defineProperty(proto, name, {
        get(this: { _values: Map<string, unknown> }) {
          return this._values.get(name);
        },
        set(this: { _values: Map<string, unknown>; requestUpdate(name: string, old: unknown): void }, value: unknown) {
          const old = this._values.get(name);
          this._values.set(name, value);
          // As Lit's notEqual: NaN set again is no change (only NaN is not itself).
          // biome-ignore lint/suspicious/noSelfCompare: the NaN test, as Lit writes it.
          if (old !== value && (old === old || value === value)) this.requestUpdate(name, old);
        },
        configurable: true,
      });
    const attribute = attributeOf(name, d);
    return attribute ? [attribute] : [];
  });
}

const attributeOf = (name: string, d: PropertyDeclaration): string | undefined =>
  d.state || d.attribute === false ? undefined : (d.attribute ?? name.toLowerCase());

/**
 * The base of both widgets: Lit's reactive update cycle, as far as they use it, over lit-html's
 * `render` (issue 22: the widgets need ~2 KB gzip less than with `LitElement`, whose general
 * machinery they do not use). Declared properties get accessors; a change schedules one update in
 * a microtask (`updateComplete`), from the first connection on: `willUpdate`, reflected attributes,
 * `render` into an open shadow root with `styles`, then `updated`. Attributes set properties.
 */
export abstract class SmallElement extends HTMLElement {
  static properties: PropertyDeclarations = {};
  static styles: Styles | readonly Styles[] = [];

  /** Adds the accessors of the declared properties; the browser asks for the attributes when the element is defined. */
  static get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class being defined, a subclass.
    return observe(this);
  }

  /** The shadow root, from the first connection on. */
  renderRoot!: ShadowRoot;
  /** Settles with `true` once the update pending (if any) has run. */
  updateComplete: Promise<boolean>;

  /** The values of the declared properties, which their accessors keep here. */
  protected readonly _values = new Map<string, unknown>();
  private _changed: PropertyValues = new Map();
  private _reflect = new Set<string>();
  private _pending = false;
  /** The property an attribute is setting, or whose attribute is being reflected: no loop between the two. */
  private _syncing?: string;
  private _connect!: () => void;
  /** Properties set on the element before it was defined: they hide the accessors until the first update sets them again. */
  private _early?: [string, unknown][];

  constructor() {
    super();
    this._early = Object.keys(this._props()).flatMap((name) => {
      if (!Object.hasOwn(this, name)) return [];
      const value = (this as unknown as Record<string, unknown>)[name];
      delete (this as unknown as Record<string, unknown>)[name];
      return [[name, value] as [string, unknown]];
    });
    this.updateComplete = new Promise<boolean>((resolve) => (this._connect = () => resolve(true)));
    this.requestUpdate();
  }

  /** Schedules an update; `name` (with its old value) is a property that changed. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      if (!this._changed.has(name)) this._changed.set(name, old);
      const d = this._props()[name];
      if (d?.reflect && this._syncing !== name) this._reflect.add(name);
    }
    if (this._pending) return;
    this._pending = true;
    // After the update before it, even one that threw (as Lit: an error does not stop later updates).
    const run = () => {
      this._update();
      return !this._pending;
    };
    this.updateComplete = this.updateComplete.then(run, run);
  }

  private _props(): PropertyDeclarations {
    return declaredBy(this.constructor as typeof SmallElement);
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.attachShadow({ mode: 'open' });
      adoptStyles(this.renderRoot, [(this.constructor as typeof SmallElement).styles].flat() as Styles[]);
    }
    this._connect();
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    for (const [name, d] of Object.entries(this._props())) {
      if (attributeOf(name, d) !== attribute || this._syncing === name) continue;
      this._syncing = name;
      (this as unknown as Record<string, unknown>)[name] = d.converter ? d.converter.fromAttribute(value) : value;
      this._syncing = undefined;
    }
  }

  private _update(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [name, value] of this._early ?? []) self[name] = value;
    this._early = undefined;
    try {
      this.willUpdate(this._changed);
      const changed = this._changed;
      for (const name of this._reflect) {
        const attribute = attributeOf(name, this._props()[name] ?? {}) as string;
        const value = self[name];
        this._syncing = name;
        if (value == null) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
        this._syncing = undefined;
      }
      this._reflect.clear();
      this._changed = new Map();
      this._pending = false;
      render(this.render(), this.renderRoot, { host: this });
      this.updated(changed);
    } finally {
      this._pending = false;
    }
  }

  /** Before each render: derive state from what changed. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After each render. */
  protected updated(_changed: PropertyValues): void {}

  /** What the shadow root shows: a lit-html template, `nothing`, or text. */
  protected abstract render(): unknown;
}
