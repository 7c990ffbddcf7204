import type { deOutput } from './de-output.js';

/** English messages of the release's output: the Word file, the print view, the PDF. */
export const enOutput: Record<keyof typeof deOutput, string> = {
  'output.embargo': 'Embargo: {embargo}',
  'output.draft': 'DRAFT – not for publication',
  'output.contact': 'Press contact',
  'output.contactPhone': 'Phone',
  'output.contactEmail': 'Email',
  'output.topics': 'Topics',
  'output.pageNumber': 'Page {page} of {pages}',
  'output.imageNotInWord': '[Image: {description}; Word cannot show this image format]',
  'output.imageMissing': '[Image missing: {description}]',
  'output.video': 'Video: {title}',
  'output.videoFile': 'Video: {title} (video file “{name}”, not in this document)',
  'output.transcript': 'Transcript: {text}',
  'output.download': '{title} ({file}, file not in this document)',
  'output.wordExport': 'Export as Word file',
  'output.wordExported': 'The press release was exported as the Word file “{name}”.',
  'output.print': 'Print',
  'output.printLabel': 'Print view',
  'output.printAgain': 'Print again',
  'output.backToEditor': 'Back to editing',
  'output.savePdf': 'Save as PDF',
  'output.pdfSaved': 'The press release was saved as the PDF “{name}”.',
  'output.pdfDesktopOnly': 'Saving as PDF is only in the desktop app. Choose “Print” here and “Save as PDF” in the print dialog.',
} as const;
