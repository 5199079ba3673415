"""PDF → structured sections → chunks: the first stage of the pipeline.

Only `ingest.pdf_reader` talks to pdfplumber; everything else here is pure text processing,
so it can be tested without a PDF.
"""
