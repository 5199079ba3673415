"""Retrieval layer: embeddings, Chroma store, French keyword index, hybrid fusion, consolidation."""
