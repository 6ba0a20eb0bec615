"""The review page: a notice's original text with every extracted item highlighted in place, beside its task tree."""
