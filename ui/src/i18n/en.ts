// English texts. `fr.ts` must have exactly the same keys (checked by the type `Messages`).
const en = {
  app: {
    name: 'Cinq',
    tagline: 'Your social media strategy in five steps',
    loading: 'Loading…',
    loadFailed: 'Cinq could not load its data.',
    retry: 'Try again',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    settings: 'Settings',
  },
  welcome: {
    title: 'Welcome to Cinq',
    intro:
      'Cinq guides you through a social media strategy in five steps: audit, benchmark, objectives, social calendar, then test & adapt. How would you like to begin?',
    new: 'Start a guided strategy',
    newHint: 'Name your strategy, then work through the five steps at your own pace.',
    sample: 'Open the sample strategy',
    sampleHint: 'Explore a filled-in example before starting your own.',
    open: 'Open an existing strategy',
    openHint: 'Pick up a strategy you saved earlier, or import a strategy file.',
  },
  strategies: {
    title: 'Strategies',
    count_one: '{{count}} strategy',
    count_other: '{{count}} strategies',
    new: 'New strategy',
    import: 'Import a strategy file',
    sample: 'Add the sample strategy',
    empty: 'No strategy yet. Create one, import a strategy file or add the sample strategy.',
    col: {
      name: 'Name',
      organisation: 'Organisation',
      sector: 'Sector',
      updated: 'Last change',
      steps: 'Steps completed',
      actions: 'Actions',
    },
    stepsDone: '{{done}}/{{total}}',
    action: {
      open: 'Open',
      edit: 'Rename or edit',
      duplicate: 'Duplicate',
      export: 'Export to a file',
      delete: 'Delete',
    },
    deleteTitle: 'Delete this strategy?',
    deleteBody: 'The strategy “{{name}}” will be deleted. You can undo this right after.',
    deleteConfirm: 'Delete',
    deleted: 'Strategy “{{name}}” deleted.',
    undo: 'Undo',
    restored: 'Strategy “{{name}}” restored.',
    duplicated: 'Copy created: “{{name}}”.',
    exported: 'Strategy saved to {{path}}',
    imported: 'Strategy “{{name}}” imported.',
    sampleAdded: 'Sample strategy “{{name}}” added.',
    saved: 'Strategy “{{name}}” saved.',
  },
  form: {
    createTitle: 'New strategy',
    editTitle: 'Edit the strategy',
    name: 'Name',
    counter: '{{count}} / {{max}} characters',
    organisation: 'Organisation',
    organisationHint: 'Company, association, brand…',
    sector: 'Sector',
    sectorHint: 'e.g. Tourism, retail, culture',
    language: 'Language of the strategy',
    timezone: 'Time zone',
    nothingFound: 'No time zone found',
    startDate: 'Start date',
    submitCreate: 'Create the strategy',
    submitEdit: 'Save',
  },
  fieldErrors: {
    required: 'A name is required.',
    too_long: 'At most {{max}} characters.',
    taken: 'Another strategy already has this name.',
    invalid_timezone: 'Not a valid time zone, such as Europe/Paris.',
    invalid_date: 'Not a valid date.',
    invalid_language: 'Choose English or French.',
    unknown: 'This value is not valid.',
  },
  errors: {
    validation: 'Some values are not valid.',
    not_found: 'This strategy no longer exists.',
    conflict: 'This change conflicts with another one. Reload and try again.',
    newer_schema: 'The data was saved by a newer version of Cinq. Please update Cinq.',
    not_a_database: 'The data file is not a Cinq database.',
    unwritable: 'Cinq cannot save to its data file.',
    invalid_file: 'This file is not a Cinq strategy file: {{message}}',
    io: 'The file could not be read or written.',
    internal: 'Something went wrong.',
    detail: 'Details: {{message}}',
  },
  wizard: {
    strategies: 'Strategies',
    edit: 'Edit the strategy',
    stepsNav: 'Steps',
    stepOf: 'Step {{n}} of {{total}}',
    progress_one: '{{count}} of {{total}} steps completed',
    progress_other: '{{count}} of {{total}} steps completed',
    completed: 'Completed',
    complete: 'Mark this step as complete',
    next: 'Next: {{step}}',
    first: 'Back to the first step',
    whatYouWillDo: 'What you will do',
    startsOn: 'Starts on {{date}}',
  },
  steps: {
    audit: {
      name: 'Audit',
      intro:
        'Before deciding anything, take stock of where you stand. The audit gives you a clear picture of the networks your audience actually uses, where your brand is already present and how each presence performs. Its findings are the ground on which every later step is built.',
      do: [
        'List your audiences (personas) and the networks each of them uses',
        'Map the presence of your brand on each network and how it performs',
        'Note what already works well, and where',
        'Check that you can measure everything you will need, and fill the gaps',
        'Write down your findings',
      ],
    },
    benchmark: {
      name: 'Benchmark',
      intro:
        'Look beyond your own accounts. The benchmark studies the players in your field, competitors as well as leaders you admire, network by network, to learn what works for them and how your customers talk. It shows you where you can stand apart.',
      do: [
        'Choose the players to watch: direct competitors and admired leaders',
        'Analyse, network by network, which posts work for them and why',
        'Listen to how your customers talk and what they share, and ask them directly',
        'Spot global trends worth adapting to your brand',
        'Decide where you will stand apart',
      ],
    },
    objectives: {
      name: 'Objectives',
      intro:
        'Turn your findings into objectives you can measure. Each social objective serves a business goal, such as leads or qualified visits, rather than a follower count. You also give each network a mission and choose the content mix that will feed it.',
      do: [
        'Tie each social objective to a business goal',
        'Give each objective a KPI, a baseline, a target and a deadline',
        'Define a mission for each network',
        'Set your content mix across three pillars: start with one third promotion, one third curation and one third interaction, then re-weight it as results come in',
      ],
    },
    calendar: {
      name: 'Calendar',
      intro:
        'Plan what you will publish, where and when. The social calendar sets out the posts of each network, day by day, and lines them up with your editorial calendar: articles, newsletters and events. This is where your objectives become a steady rhythm of publication.',
      do: [
        'Plan the posts of each network, day by day',
        'Cross them with your editorial calendar: articles, newsletters, events',
        'Check the frequency and the variety of topics',
        'Make sure each post fits the mission of its network and respects your content mix',
      ],
    },
    test_adapt: {
      name: 'Test & adapt',
      intro:
        'A strategy keeps living after launch. In this step you follow your results often, compare variants to learn what your audience prefers, and adjust what underperforms. Each adaptation is recorded, so you keep track of what changed and why.',
      do: [
        'Follow your KPIs at a regular rhythm',
        'Run A/B tests: photos and titles against each other',
        'Adjust what underperforms',
        'Record each adaptation and its effect',
      ],
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Theme',
    system: 'System',
    english: 'English',
    french: 'Français',
    light: 'Light',
    dark: 'Dark',
    about: 'About',
    version: 'Version',
    database: 'Database',
  },
  languages: {
    en: 'English',
    fr: 'French',
  },
};

type DeepStrings<T> = T extends string
  ? string
  : T extends readonly string[]
    ? string[]
    : { [K in keyof T]: DeepStrings<T[K]> };

export type Messages = DeepStrings<typeof en>;

export default en as Messages;
