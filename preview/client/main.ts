/**
 * The browser side of a preview page: places the project's components where the server's
 * layout (from the FlexiPage) put their slots, with the record's id, and shows the toasts they
 * raise as SLDS toasts.
 */
import { createElement, type LightningElement } from 'lwc';
import { refetchAll } from '../platform/uiApi';

type ComponentClass = typeof LightningElement;

interface Toast {
  title?: string;
  message?: string;
  variant?: string;
}

const tagOf = (bundle: string): string =>
  `c-${bundle.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function showToast(toast: Toast): void {
  const container = document.getElementById('ppk-toasts');
  if (!container) return;
  const variant = ['success', 'error', 'warning', 'info'].includes(toast.variant ?? '')
    ? toast.variant!
    : 'info';
  const element = document.createElement('div');
  element.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
  element.setAttribute('role', 'status');
  element.dataset.variant = variant;
  const body = document.createElement('div');
  body.className = 'slds-notify__content';
  const title = document.createElement('h2');
  title.className = 'slds-text-heading_small';
  title.textContent = toast.title ?? '';
  body.append(title);
  if (toast.message) {
    const message = document.createElement('p');
    message.textContent = toast.message;
    body.append(message);
  }
  const close = document.createElement('button');
  close.className = 'slds-button slds-button_icon slds-notify__close slds-button_icon-inverse';
  close.title = 'Close';
  close.textContent = '×';
  close.addEventListener('click', () => element.remove());
  element.append(body, close);
  container.append(element);
  // Sticky errors, like the platform's default for error toasts that a user must read.
  if (variant !== 'error') setTimeout(() => element.remove(), 8000);
}

export function mountPage(components: Record<string, ComponentClass>): void {
  document.addEventListener('lightning__showtoast', (event) =>
    showToast((event as CustomEvent<Toast>).detail ?? {})
  );
  document.addEventListener('lightning__refreshevent', () => refetchAll());
  for (const slot of Array.from(document.querySelectorAll<HTMLElement>('[data-component]'))) {
    const bundle = slot.dataset.component ?? '';
    const is = components[bundle];
    if (!is) {
      slot.textContent = `Component c:${bundle} is not in force-app/main/default/lwc.`;
      continue;
    }
    const element = createElement(tagOf(bundle), { is }) as HTMLElement & Record<string, unknown>;
    const properties = JSON.parse(slot.dataset.properties ?? '{}') as Record<string, unknown>;
    for (const [name, value] of Object.entries(properties)) element[name] = value;
    slot.append(element);
  }
  document.body.dataset.ppkMounted = 'true';
}
