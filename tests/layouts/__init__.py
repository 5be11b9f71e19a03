"""A layout generator: random Danish meetings with their ground truth, rendered as HTML, text and PDF.

The measuring instrument of issue #10 ("read the document's structure"). A
meeting is drawn from a seeded `random.Random` (`generator.generate_meeting`),
a template (`templates.random_template`) says how it is laid out, and the
renderers write it as an HTML page (`render_html`), as a plain-text export
(`render_text`) and as that HTML page printed by headless Chromium
(`render_pdf`). `meeting.gold` gives the ground truth in the gold format of
shared/gold/README.md, so `minutes_cli.evaluation.score` can score a parse.
`corpus.build_set` writes a whole numbered set of documents into a cache folder.

Everything in a meeting's gold is printed in each rendering, the way a reader
annotating the page would see it: the generator never puts a value into the
gold that the document does not show, nor prints an amount or case number that
the gold leaves out.
"""
