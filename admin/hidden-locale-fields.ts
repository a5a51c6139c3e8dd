/**
 * Works around a Decap CMS behaviour with i18n: in the second language's pane, fields that are
 * not translated are still mounted (only made invisible). The relation widget reports its
 * initial value on mount (RelationControl.loadInitialOptions → triggerInitialOnChange), and Decap
 * stores that report under the *pane's* language. Opening any group with subject headings then
 * (1) marks it "unsaved" — so its status cannot be changed until it is saved again — and
 * (2) writes `subjects` into e.g. the `fr` block, which the content build refuses.
 *
 * The wrapper renders nothing for a field that Decap itself says is hidden in this pane, and
 * answers Decap's validity question for it; everywhere else it is the stock control.
 */
import { Component, createElement, type ComponentType } from 'react';

interface ControlProps {
  field: unknown;
  isFieldHidden?: (field: unknown) => boolean;
}

interface Validatable {
  isValid?: () => unknown;
  focus?: (path?: string) => void;
}

interface Registry {
  getWidget(name: string): { control: ComponentType<ControlProps>; preview?: ComponentType<unknown>; schema?: unknown } | undefined;
  registerWidget(widget: { name: string; controlComponent: ComponentType<ControlProps>; previewComponent?: ComponentType<unknown>; schema?: unknown }): void;
}

export function skipWhenHiddenInLocale(cms: Registry, widgetName: string): void {
  const stock = cms.getWidget(widgetName);
  if (!stock) throw new Error(`no "${widgetName}" widget registered`);
  const Inner = stock.control;

  // biome-ignore lint/correctness/noComponentHookFactories: one wrapper class per stock widget, made once at registration, not per render
  class SkipWhenHidden extends Component<ControlProps> {
    inner: Validatable | null = null;
    // Decap's Widget asks the control instance it holds a ref to.
    isValid = () => (this.hidden() ? true : (this.inner?.isValid?.() ?? true));
    focus = (path?: string) => this.inner?.focus?.(path);
    hidden(): boolean {
      return this.props.isFieldHidden?.(this.props.field) === true;
    }
    override render() {
      if (this.hidden()) return null;
      return createElement(Inner as ComponentType<ControlProps & { ref: (r: Validatable | null) => void }>, {
        ...this.props,
        ref: (r: Validatable | null) => {
          this.inner = r;
        },
      });
    }
  }

  cms.registerWidget({ name: widgetName, controlComponent: SkipWhenHidden, previewComponent: stock.preview, schema: stock.schema });
}
