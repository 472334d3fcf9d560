/** What a summary may be made from: only what the mentor chose to include for this session. */
export interface SummaryMaterial {
  mentorName: string;
  menteeName: string;
  agenda: string;
  /** Stages the conversation went through, in order, with minutes spent. */
  stages: Array<{ name: string; minutes: number }>;
  notes: string;
  commitments: Array<{ owner: string; action: string; due: string | null }>;
  /** Present only when the mentor saved the transcript with the session. */
  transcript: Array<{ speaker: string; text: string }> | null;
}

export interface AgreedAction {
  owner: string;
  action: string;
  /** ISO date (YYYY-MM-DD) when one was agreed. */
  due: string | null;
}

/** The structured summary the model is asked for. */
export interface SessionSummary {
  themes: string[];
  /** Insights in the mentee's own words. */
  insights: string[];
  agreedActions: AgreedAction[];
  nextFocus: string;
}

/** Where summaries are made: any OpenAI-compatible endpoint, including a model on this machine. */
export interface SummaryEndpoint {
  baseURL: string;
  model: string;
  /** Kept in storage.local only; never logged, exported or put in an error message. */
  apiKey: string;
}
