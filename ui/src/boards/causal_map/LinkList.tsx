// Links by keyboard: pick a cause and an effect and add the link; every link is
// listed with its sign, a button to flip it and a button to remove it.
import { useId, useState } from 'react';
import type { Polarity } from '../../types';
import { useT } from '../../i18n';
import { flipPolarity, hasLink, nodeLabel, polaritySign, type CausalMap } from './mapping';

type Props = {
  map: CausalMap;
  addLink(from: string, to: string, polarity: Polarity): void;
  setPolarity(id: string, polarity: Polarity): void;
  removeLink(id: string): void;
};

export function LinkList({ map, addLink, setPolarity, removeLink }: Props) {
  const t = useT();
  const uid = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [polarity, setPol] = useState<Polarity>('strengthens');
  const empty = t('causal.emptyCard');
  const options = map.nodes.map((n) => (
    <option key={n.id} value={n.id}>
      {nodeLabel(map, n.id, empty)}
    </option>
  ));
  const valid = from !== '' && to !== '' && from !== to && !hasLink(map.links, from, to);

  return (
    <section className="link-list" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('causal.links')}</h3>
      <form
        className="link-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) addLink(from, to, polarity);
        }}
      >
        <label htmlFor={`${uid}-from`}>{t('causal.linkFrom')}</label>
        <select id={`${uid}-from`} data-testid="link-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {options}
        </select>
        <label htmlFor={`${uid}-to`}>{t('causal.linkTo')}</label>
        <select id={`${uid}-to`} data-testid="link-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {options}
        </select>
        <fieldset>
          <legend>{t('causal.polarity')}</legend>
          {(['strengthens', 'weakens'] as const).map((p) => (
            <label key={p}>
              <input type="radio" name={`${uid}-pol`} checked={polarity === p} onChange={() => setPol(p)} />
              {polaritySign(p)} {t(`causal.polarity.${p}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={!valid}>
          {t('causal.addLink')}
        </button>
      </form>
      <ul data-testid="link-list">
        {map.links.map((l) => {
          const text = `${nodeLabel(map, l.from, empty)} → ${nodeLabel(map, l.to, empty)}`;
          return (
            <li key={l.id}>
              <span>
                {text} ({polaritySign(l.polarity)})
              </span>{' '}
              <button
                type="button"
                aria-label={`${t('causal.flip')}: ${text}`}
                onClick={() => setPolarity(l.id, flipPolarity(l.polarity))}
              >
                {polaritySign(flipPolarity(l.polarity))}
              </button>{' '}
              <button type="button" aria-label={`${t('common.remove')}: ${text}`} onClick={() => removeLink(l.id)}>
                {t('common.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
