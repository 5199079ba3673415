"""The consolidated text of an agreement after its avenants.

`amendments` reads what `corpus/amendments.json` says an avenant changes, `avenant_wording`
finds the new wording quoted in the avenant, `apply` rewrites the agreement's articles with it,
and `article_versions` holds the result: every version of an article with its validity dates.
Pure logic over parsed documents; the indexer turns the versions into passages.
"""
