package dev.lazyinit.report;

/** One part of the report: a heading and what follows it, written from the context into the document. */
interface Section {

    /**
     * @param context the inputs, measurements and decisions
     * @param doc the document to add to
     */
    void write(Context context, MarkdownDoc doc);
}
