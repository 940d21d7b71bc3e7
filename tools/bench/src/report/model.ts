/**
 * The data a run's report.html carries: built in Node from a store folder (report/build-model.ts), embedded in the
 * page as JSON, drawn by the page script (report/page/). Types only, so the browser bundle can import it.
 *
 * Times on the page are milliseconds since the history's time zero ("Relative time begins now"), the clock of
 * history.jsonl; the message journal is shifted onto it.
 */

/** Which engine produced the folder. The bench's process engine writes 'bench'; a simulation engine may write 'sim'. */
export type EngineName = 'bench' | 'sim' | 'maelstrom' | string;

export type Verdict = true | false | 'unknown' | 'missing' | 'crashed';

export interface ReportModel {
  readonly title: string;
  readonly verdict: Verdict;
  readonly facts: RunFacts;
  readonly checks: readonly CheckLine[];
  readonly failures: readonly Failure[];
  readonly ops: OpSeries;
  readonly partitions: readonly PartitionWindow[];
  readonly net: NetSection;
  /** The message journal, or why there is none (e.g. Maelstrom keeps it in fressian files). */
  readonly messages: PackedMessages | { readonly missing: string };
}

export interface RunFacts {
  readonly engine: EngineName;
  readonly workload: string | undefined;
  readonly commandLine: string | undefined;
  readonly seed: number | undefined;
  readonly wallTimeS: number | undefined;
  readonly virtualTimeS: number | undefined;
  readonly started: string | undefined;
  readonly folder: string;
  /** Why a run stopped without results (exit 255), when it did. */
  readonly crash: string | undefined;
  /** Links relative to the report: node logs and the folder's other files. */
  readonly nodeLogs: readonly string[];
  readonly files: readonly string[];
}

/** One top-level check of results (stats, availability, net, workload, …) and its validity. */
export interface CheckLine {
  readonly name: string;
  readonly valid: true | false | 'unknown' | string;
}

/** A failing check explained: a headline for consoles, paragraphs, tables of the offending ops, cycle graphs. */
export interface Failure {
  readonly check: string;
  /** One line, e.g. "workload: 12 broadcast values lost (3, 17, 42, … 9 more)". */
  readonly headline: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly FailureTable[];
  readonly cycles: readonly CycleGraph[];
}

export interface FailureTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows left out to keep the page small; the whole list is in the folder's results. */
  readonly omitted: number;
}

/** An Elle-style dependency cycle: transactions and the named edges between them. */
export interface CycleGraph {
  readonly title: string;
  readonly nodes: readonly { readonly id: string; readonly label: string }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly kind: string;
    /** Drawn on the edge, e.g. "wr x=1", "rw x: 1→2". */
    readonly tag: string;
    /** Elle's sentence for the edge. */
    readonly label: string;
  }[];
}

/** Completed client ops, in invocation order; one plotted point each. */
export interface OpSeries {
  /** "f outcome" names, e.g. "broadcast ok", "read info"; `kind` indexes this. */
  readonly kinds: readonly string[];
  readonly invokeMs: readonly number[];
  readonly latencyMs: readonly number[];
  readonly kind: readonly number[];
  /** Client invocations in the history (completed or not). */
  readonly invocations: number;
  readonly endMs: number;
}

export interface PartitionWindow {
  readonly startMs: number;
  /** Undefined when the partition was never healed before the history ended. */
  readonly endMs: number | undefined;
  readonly label: string;
}

export interface NetSection {
  readonly allMsgsPerOp: number | undefined;
  readonly serversMsgsPerOp: number | undefined;
  readonly counts: readonly { readonly group: string; readonly sends: number; readonly recvs: number }[];
  /** Sends per message type, split into server-to-server and client traffic. */
  readonly byType: readonly { readonly type: string; readonly servers: number; readonly clients: number }[];
  /** Sends per (source, destination) between servers and services; clients folded into one "clients" column. */
  readonly pairs:
    { readonly ids: readonly string[]; readonly counts: readonly (readonly number[])[] } | undefined;
}

/**
 * The journal as columns, sorted by send time. `endpoint` indexes `endpoints` (the diagram's columns, every client
 * folded into "clients"); `name` indexes `names` (the real src/dest ids, shown on hover).
 */
export interface MessageTable {
  readonly endpoints: readonly string[];
  readonly names: readonly string[];
  readonly types: readonly string[];
  readonly id: readonly number[];
  readonly src: readonly number[];
  readonly dest: readonly number[];
  readonly srcName: readonly number[];
  readonly destName: readonly number[];
  readonly type: readonly number[];
  readonly sendMs: readonly number[];
  /** null when the message was never delivered (dropped by a partition, or still in flight at the end). */
  readonly recvMs: readonly (number | null)[];
  /** Bodies as JSON, cut to a few hundred characters (messages.jsonl has them whole). */
  readonly body: readonly string[];
  /** The longest send-to-delivery time, so a window query knows how far back to look. */
  readonly maxFlightMs: number;
}

/** A MessageTable as the page carries it: JSON, gzipped, base64-encoded (most of the page's bytes). */
export interface PackedMessages {
  /** How many messages the table holds. */
  readonly count: number;
  readonly gzBase64: string;
}

/** The page's embedded JSON: the model without the journal, which travels gzipped beside it (most of the bytes). */
export type PageData = Omit<ReportModel, 'messages'> & {
  readonly messages: { readonly missing: string } | null;
};
