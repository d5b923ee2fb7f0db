"""Regression tests: one per bug the property tests, the hostile corpus and the fuzzer found."""

from __future__ import annotations


def test_report_html_sanitiser_keeps_tables_and_headings_and_escapes_script():
    # was: nbconvert's clean_html (sanitize_html=True) escaped th/thead/tbody, p and h1-h6,
    # so every pandas table and Markdown cell of a report page showed its markup as text
    from corpus_tools.report.html import clean_report_html

    table = '<div><style scoped>.x {}</style><table class="dataframe" border="1"><thead><tr><th>term</th></tr>' \
            '</thead><tbody><tr><td>&lt;script&gt;</td></tr></tbody></table></div>'
    assert clean_report_html(table) == (
        '<div><table class="dataframe" border="1"><thead><tr><th>term</th></tr></thead>'
        '<tbody><tr><td>&lt;script&gt;</td></tr></tbody></table></div>')
    assert clean_report_html('<h1 id="T">T<a class="anchor-link" href="#T">¶</a></h1><p>x</p>') == (
        '<h1 id="T">T<a class="anchor-link" href="#T">¶</a></h1><p>x</p>')
    assert clean_report_html('<img src=x onerror=alert(1)><p onclick="x()" style="color:red">y</p>') == (
        '&lt;img src=x onerror=alert(1)&gt;<p>y</p>')
