/** Ids of the elements report.html embeds its data in, shared by the page writer and the page script. */
export const DATA_ID = 'report-data';
export const MESSAGES_ID = 'report-messages';
