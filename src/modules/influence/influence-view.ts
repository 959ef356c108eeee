import { Type, type Static } from '@sinclair/typebox';

// The shape of influence figures in the JSON API.

const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

/** Every influence metric of an initiative or organization, with the token-risk flag. */
export const MetricsView = Type.Object({
  inputs: Type.Integer({ description: 'All inputs of every kind' }),
  reviewed: Type.Integer({ description: 'Inputs marked reviewed or linked to a decision' }),
  reviewedShare: Share,
  linked: Type.Integer({ description: 'Inputs linked to at least one decision' }),
  linkedShare: Share,
  contributors: Type.Integer({ description: 'Distinct participants who contributed input' }),
  informed: Type.Integer({ description: 'Contributors told about at least one link to their input' }),
  informedShare: Share,
  withFeedback: Type.Integer({ description: 'Inputs that got feedback (a link or a review)' }),
  medianDaysToFeedback: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median days from input to its first link or review, whichever came first',
  }),
  decisionsWithInput: Type.Integer(),
  decisionsWithoutInput: Type.Integer(),
  daysSinceClosed: Type.Union([Type.Number(), Type.Null()]),
  tokenRisk: Type.Boolean({
    description: 'Closed more than `closedDays` ago and under `responseSharePercent` % of input answered',
  }),
});
export type MetricsView = Static<typeof MetricsView>;

/** The organization's token-risk thresholds. */
export const ThresholdsView = Type.Object({
  closedDays: Type.Integer(),
  responseSharePercent: Type.Integer(),
});

const InitiativeRef = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});

/** One initiative's figures. */
export const InitiativeInfluenceView = Type.Object({
  initiative: InitiativeRef,
  thresholds: ThresholdsView,
  metrics: MetricsView,
});

/** The organization's figures and each initiative's. */
export const OrganizationInfluenceView = Type.Object({
  thresholds: ThresholdsView,
  metrics: MetricsView,
  flagged: Type.Integer({ description: 'How many initiatives carry the token-risk flag' }),
  initiatives: Type.Array(Type.Object({ initiative: InitiativeRef, metrics: MetricsView })),
});
