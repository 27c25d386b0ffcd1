from wordpress.markup import clean


def test_block_editor_comments_are_removed_and_its_html_kept():
    html, _dropped = clean("<!-- wp:paragraph -->\n<p>Talks <strong>resume</strong>.</p>\n<!-- /wp:paragraph -->")
    assert html == "<p>Talks <strong>resume</strong>.</p>"


def test_caption_shortcode_becomes_a_figure_with_its_caption():
    html, dropped = clean(
        '[caption id="attachment_5" width="300"]<img src="/a.jpg" alt="A"> The <em>table</em>.[/caption]'
    )
    assert html == '<figure><img src="/a.jpg" alt="A">\n<figcaption>The <em>table</em>.</figcaption>\n</figure>'
    assert dropped == 0


def test_old_caption_attribute_is_used_when_the_text_is_empty():
    html, _dropped = clean('[caption caption="Old &amp; style"]<img src="/a.jpg">[/caption]')
    assert "<figcaption>Old &amp; style</figcaption>" in html


def test_other_shortcodes_are_dropped_and_counted_their_enclosed_text_kept():
    html, dropped = clean(
        'Before [gallery ids="1,2"] [embed]https://video.example/1[/embed] after [contact-form-7 id="3"]'
    )
    assert html == "<p>Before  https://video.example/1 after</p>"
    assert dropped == 3


def test_bracketed_words_that_are_not_shortcodes_stay_text():
    html, dropped = clean("He called it “fine” [sic] [1]. Shown literally: [[gallery]].")
    assert html == "<p>He called it “fine” [sic] [1]. Shown literally: [gallery].</p>"
    assert dropped == 0


def test_bare_line_breaks_become_paragraphs_and_line_breaks_as_wpautop_shows_them():
    html, _dropped = clean(
        "First line\nsecond line\n\nNew paragraph\n<blockquote>Quoted</blockquote>\n\n<ul>\n<li>one</li>\n</ul>"
    )
    assert html == (
        "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>\n<blockquote>Quoted</blockquote>\n"
        "<ul>\n<li>one</li>\n</ul>"
    )


def test_headings_outside_the_bodys_h2_to_h4_are_moved_into_it():
    html, _dropped = clean("<h1>Big</h1>\n<h6>Small</h6>")
    assert html == "<h2>Big</h2>\n<h4>Small</h4>"
