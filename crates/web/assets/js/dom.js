// Tiny DOM helpers: element builder and safe insertion of search highlights.

/**
 * Builds an element: `h('a', {href, class: 'x', onclick: fn}, 'text', child)`.
 * Attributes set to null, undefined or false are skipped; `true` sets an empty attribute.
 * Children may be strings (text nodes), nodes, arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends strings, nodes and (nested) arrays of them; skips null and false. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child. */
export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

/**
 * A fragment for a highlight string that may only contain `<mark>` around escaped text.
 * Parsed inertly; anything else than text and `<mark>` is flattened to its text.
 */
export function highlighted(markup, fallbackText) {
  const fragment = document.createDocumentFragment();
  if (typeof markup !== 'string' || markup === '') {
    fragment.append(document.createTextNode(fallbackText ?? ''));
    return fragment;
  }
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      fragment.append(h('mark', {}, node.textContent));
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

/** A unique-enough id suffix for labels inside repeated items. */
export function safeId(value) {
  return String(value).replace(/[^A-Za-z0-9_-]/g, '_');
}
