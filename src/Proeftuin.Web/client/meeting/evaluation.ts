// Rating the meeting once (1–10 and a remark) and the room's average.

import type { RoomContext } from './dom';
import type { EvaluationSummary, MeetingState } from './hub-types';
import { format, type Texts } from './texts';

export function evaluationText(texts: Texts, summary: EvaluationSummary, language: string): string {
  return summary.count === 0 || summary.average === null
    ? (texts.EvaluationNone ?? '')
    : format(texts, 'EvaluationSummary', summary.average.toLocaleString(language), summary.count);
}

export class EvaluationPanel {
  private evaluated = false;

  constructor(private readonly context: RoomContext) {}

  wire(): void {
    document.getElementById('evaluation-form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.evaluate(event.target as HTMLFormElement);
    });
  }

  /** The form shows in the evaluation phase and after closing, until I have rated. */
  stateChanged(state: MeetingState): void {
    const form = document.getElementById('evaluation-form') as HTMLFormElement | null;
    if (form) form.hidden = this.evaluated || !(state.status === 'Closed' || state.phase === 'Evaluation');
  }

  render(summary: EvaluationSummary): void {
    const element = document.getElementById('evaluation-summary');
    if (element) element.textContent = evaluationText(this.context.texts, summary, document.documentElement.lang || 'nl');
  }

  private async evaluate(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const error = document.getElementById('evaluation-error');
    const remark = String(data.get('remark') ?? '').trim();
    const result = await this.context.hub.invoke('EvaluateMeeting', Number(data.get('score')), remark === '' ? null : remark);
    if (!result.ok || !result.value) {
      if (error) error.textContent = result.error?.message ?? '';
      return;
    }
    if (error) error.textContent = '';
    this.evaluated = true;
    form.hidden = true;
    this.render(result.value);
    this.context.announce(this.context.texts.EvaluationThanks ?? '');
  }
}
