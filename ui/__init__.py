"""Streamlit pages. They render what `assistant` returns and hold no business logic."""
