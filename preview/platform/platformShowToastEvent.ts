/**
 * Stand-in for lightning/platformShowToastEvent: the same event the platform's toast service
 * listens for (`lightning__showtoast`, bubbling and composed); the preview page shows it as an
 * SLDS toast.
 */
export interface ToastConfig {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ToastConfig> {
  constructor(toast: ToastConfig) {
    super('lightning__showtoast', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: toast
    });
  }
}
