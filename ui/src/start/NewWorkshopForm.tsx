import { useId, useState, type FormEvent } from 'react';
import type { Template } from '../backend/files';
import { useT } from '../i18n';

/** "Uusi työpaja": a title and a template, PAKU or empty. */
export function NewWorkshopForm({ disabled, onCreate }: { disabled: boolean; onCreate: (title: string, template: Template) => void }) {
  const t = useT();
  const titleId = useId();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<Template>('paku');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) onCreate(title.trim(), template);
  };
  return (
    <form className="new-workshop" onSubmit={submit} data-testid="new-workshop">
      <label htmlFor={titleId}>{t('start.new.title')}</label>
      <input id={titleId} value={title} onChange={(e) => setTitle(e.target.value)} required data-testid="new-workshop-title" />
      <fieldset>
        <legend>{t('start.new.template')}</legend>
        {(['paku', 'empty'] as const).map((name) => (
          <label key={name}>
            <input type="radio" name="template" value={name} checked={template === name} onChange={() => setTemplate(name)} />{' '}
            {t(`start.new.${name}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={disabled || !title.trim()}>
        {t('start.new.create')}
      </button>
    </form>
  );
}
