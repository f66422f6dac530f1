"""The participants view: list, filters, detail panel and the new-participant form."""
