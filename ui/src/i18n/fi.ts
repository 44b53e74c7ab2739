// Finnish, the default. Plain language (selkokieli): short words, one idea per label.
export const fi = {
  'app.name': 'Paja',
  'app.loading': 'Avataan työpajaa…',
  'app.error': 'Työpajaa ei voi avata.',
  'workshop.organisation': 'Järjestäjä',
  'workshop.version': 'Versio',
  'sessions.heading': 'Kokoontumiset',
  'sessions.empty': 'Ei vielä kokoontumisia.',
  'session.agenda': 'Ohjelma',
  'session.memo': 'Muistio',
  'step.minutes': '{n} min',
  'step.questions': 'Apukysymykset',
  'boards.heading': 'Taulut',
  'boards.label': 'Taulut',
  'boards.empty': 'Ei tauluja.',
  'boards.wholeWorkshop': 'Koko työpaja',
  'boards.ofSession': 'Taulut: {session}',
  'board.kind.persona': 'Persoona',
  'board.kind.service_path': 'Palvelupolku',
  'board.kind.causal_map': 'Syy-seurauskartta',
  'board.kind.cafe': 'Oppimiskahvila',
  'board.kind.idea_wall': 'Ideaseinä',
  'board.kind.free': 'Vapaa taulu',
  'board.kind.quality_criteria': 'Laatukriteerit',
  'board.kind.evaluation': 'Palaute',
} as const;

export type MessageKey = keyof typeof fi;
