/**
 * The widget's styles, inside its shadow root: nothing leaks out, nothing from the host page
 * leaks in except inherited text properties and these custom properties, which partners set on
 * the element or any ancestor to theme it (documented in docs/embedding.md).
 */
export const STYLES = `
:host {
  display: block;
  font-family: var(--sd-font-family, inherit);
  font-size: var(--sd-font-size, 1rem);
  line-height: 1.5;
  color: var(--sd-color, #1d1d1f);
  background: var(--sd-background, transparent);
  border: var(--sd-border-width, 0) solid var(--sd-border, #8a8782);
  border-radius: var(--sd-radius, 4px);
  padding: var(--sd-padding, 0);
}
:host([hidden]), [hidden] { display: none !important; }
* { box-sizing: border-box; }
h2, h3, h4, h5, h6 { font-size: 1.25em; margin: 0 0 var(--sd-gap, 0.75rem); }
form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; margin: 0 0 var(--sd-gap, 0.75rem); }
label { display: block; font-weight: 600; width: 100%; }
input {
  flex: 1 1 12rem; min-width: 0; font: inherit; color: inherit; background: var(--sd-input-background, #fff);
  padding: 0.4rem 0.6rem; border: 1px solid var(--sd-border, #8a8782); border-radius: var(--sd-radius, 4px);
}
button {
  font: inherit; font-weight: 600; cursor: pointer; padding: 0.4rem 0.9rem; border-radius: var(--sd-radius, 4px);
  color: var(--sd-accent-contrast, #fff); background: var(--sd-accent, #a4161a); border: 2px solid var(--sd-accent, #a4161a);
}
button[disabled] { cursor: default; opacity: 0.55; }
a { color: var(--sd-link, #0b4f9c); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--sd-focus, #1a5fd0); outline-offset: 2px; }
ul:focus { outline: none; }
[role="status"] { margin: 0 0 0.5rem; font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 0.6rem 0; border-bottom: 1px solid var(--sd-separator, #d6d3ce); }
li p { margin: 0.2rem 0 0; }
.name { font-weight: 700; font-size: 1.05em; }
.meta { color: var(--sd-muted, #4d4d55); font-size: 0.92em; }
nav { display: flex; align-items: center; gap: 0.75rem; margin: var(--sd-gap, 0.75rem) 0; }
.error { color: var(--sd-error, #9b1c1c); }
.more { margin: var(--sd-gap, 0.75rem) 0 0; }
[part~="map"] { display: block; width: 100%; height: auto; margin: 0 0 0.25rem; }
.map-country:focus { outline: none; }
.map-country:focus-visible .map-shape, .map-country:hover .map-shape { stroke: var(--sd-focus, #1a5fd0); stroke-width: 3; }
.map-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-size: 0.9em; color: var(--sd-muted, #4d4d55); }
.map-legend li, [part~="map-table"] li { border: 0; padding: 0; }
[part~="map-table"] { margin: 0.25rem 0 var(--sd-gap, 0.75rem); }
[part~="map-table"] th, [part~="map-table"] td { text-align: left; padding: 0.15rem 1rem 0.15rem 0; }
summary { cursor: pointer; color: var(--sd-link, #0b4f9c); }
`;
