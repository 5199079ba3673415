"""The one accent-folding module: each variant keeps what its name says, on the corpus's own wording."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from text.folding import compact, letters_and_digits, same_length, without_accents, words


def test_each_variant_keeps_what_its_name_says() -> None:
    assert without_accents("Évolution professionnelle") == "Evolution professionnelle"
    assert without_accents("cœur", expand_ligatures=True) == "coeur"
    assert same_length("D’Août") == "d'aout"
    assert words("CUI-CDI à temps partiel") == "cui cdi a temps partiel"
    assert words("C.D.I.") == "c d i"
    assert compact("Certifi cat de\nqualification") == "certificatdequalification"
    assert letters_and_digits("ﬁ-nancement É") == "financemente"


@given(st.text())
def test_same_length_keeps_the_length(text: str) -> None:
    import unicodedata

    nfc = unicodedata.normalize("NFC", text)
    assert len(same_length(nfc)) == len(nfc)
