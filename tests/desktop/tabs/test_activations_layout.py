"""The activations tab on a classroom projector: the sidebar and the activation chooser follow
the projector font, and the activation page's right column fits a 1024x768 window.

A 1024x768 window leaves the tab about 1024x663 (see test_perceptron_layout)."""
import pytest
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox

from desktop.theme import style

TAB_1024, TAB_1920 = (1024, 663), (1920, 975)


@pytest.fixture
def make_view(open_tab):
    def make(size, projector=True, lang="en"):
        return open_tab("activations", size, projector, lang)

    return make


def settle():
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_sidebar_reads_at_projector_size(make_view, lang):
    v = make_view(TAB_1024, lang=lang)
    assert v.sections.font().pointSizeF() >= style.point_size - 0.01
    assert v.preset_combo.font().pointSizeF() >= style.point_size - 0.01
    fm = QFontMetrics(v.sections.font())
    viewport = v.sections.viewport().rect()
    for i in range(v.sections.count()):
        rect = v.sections.visualItemRect(v.sections.item(i))
        assert viewport.contains(rect), (i, rect, viewport)  # every row shown, no scrolling
        assert fm.horizontalAdvance(v.sections.item(i).text()) <= rect.width()
    # the placeholder of the preset combo is not clipped
    opt = QStyleOptionComboBox()
    v.preset_combo.initStyleOption(opt)
    field = v.preset_combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField,
        v.preset_combo)
    text = v.preset_combo.itemText(0)
    assert QFontMetrics(v.preset_combo.font()).horizontalAdvance(text) <= field.width()
    # and the whole tab still fits the window
    assert v.minimumSizeHint().width() <= TAB_1024[0]


def test_sidebar_follows_the_zoom(make_view):
    v = make_view(TAB_1024)
    before = v.sections.font().pointSizeF(), v.sidebar.width()
    style.set_zoom(1.25)
    settle()
    assert v.sections.font().pointSizeF() > before[0] * 1.2
    assert v.sidebar.width() > before[1]


def test_chooser_scales_with_projector(make_view):
    v = make_view(TAB_1024, projector=False)
    page = v.pages["activations"]
    small_font = page.list.font().pointSizeF()
    small_box = style.indicator_size
    small_rows = page.list.visualItemRect(page.list.item(0)).height()
    style.set_projector(True)
    settle()
    assert page.list.font().pointSizeF() >= style.point_size - 0.01 > small_font
    assert style.indicator_size > small_box
    assert f"width: {style.indicator_size}px" in page.list.styleSheet()
    assert page.list.visualItemRect(page.list.item(0)).height() > small_rows


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_chooser_names_whole_in_two_columns(make_view, lang):
    v = make_view(TAB_1024, lang=lang)
    page = v.pages["activations"]
    lst = page.list
    fm = QFontMetrics(lst.font())
    need_extra = style.indicator_size + lst.iconSize().width()
    for i in range(lst.count()):
        rect = lst.visualItemRect(lst.item(i))
        assert lst.viewport().rect().contains(rect)
        assert fm.horizontalAdvance(lst.item(i).text()) + need_extra < rect.width()
    r0, r1 = (lst.visualItemRect(lst.item(i)) for i in (0, 1))
    assert r0.top() == r1.top() and r1.left() >= r0.right()  # side by side


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_info_card_fits_without_scrolling(make_view, lang):
    v = make_view(TAB_1024, lang=lang)
    page = v.pages["activations"]
    viewport = page.side_scroll.viewport()
    card = page.card
    bottom = card.mapTo(page.side_scroll.widget(), card.rect().bottomLeft()).y()
    assert bottom <= viewport.height(), (bottom, viewport.height())
    assert page.side_scroll.verticalScrollBar().maximum() == 0


@pytest.mark.parametrize("n_shown", [3, 11])
def test_readout_never_wider_than_its_column(make_view, n_shown):
    v = make_view(TAB_1024)
    m = v.model
    page = v.pages["activations"]
    for key in page.keys[:n_shown]:
        m.set_selected(key, True)
    for key in page.keys[n_shown:]:
        m.set_selected(key, False)
    settle()
    assert len(m.selected) == n_shown
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(page.readout.font())
    doc.setHtml(page.readout.text())
    assert doc.size().width() <= page.readout.contentsRect().width()
    assert page.readout.font().pointSizeF() >= 0.7 * style.point_size
    # and on a big screen three curves get the large read-out
    if n_shown == 3:
        big = make_view(TAB_1920)
        assert big.pages["activations"].readout.font().pointSizeF() > 1.25 * style.point_size


def test_sidebar_refits_after_a_language_round_trip(make_view):
    from desktop.i18n import set_language

    v = make_view(TAB_1920, lang="ko")
    set_language("en")  # the app font changes family after the texts change
    settle()
    fm = QFontMetrics(v.sections.font())
    for i in range(v.sections.count()):
        rect = v.sections.visualItemRect(v.sections.item(i))
        assert fm.horizontalAdvance(v.sections.item(i).text()) <= rect.width()


def _card_lines(card) -> list[str]:
    """The card's text as Qt lays it out at the card's width, one string per line."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(card.font())
    doc.setHtml(card.text())
    doc.setTextWidth(card.contentsRect().width())
    doc.size()  # lays the document out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            piece = text[line.textStart():line.textStart() + line.textLength()]
            lines.append(piece.replace("\u2060", ""))  # word joiners are invisible
        block = block.next()
    return lines


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_card_formulas_wrap_only_between_brackets(make_view, lang):
    # tanh(z) = (e^z − e^−z) / (e^z + e^−z) once wrapped as "… / (e^z +" and "e^−z)", and
    # "Saturates: both sides (|z| ≳ 5)" as "(|z|" and "≳ 5)"
    v = make_view(TAB_1024, lang=lang)
    page = v.pages["activations"]
    for key in ("sigmoid", "tanh", "softplus", "swish", "elu"):
        v.model.set_focus(key)
        settle()
        lines = _card_lines(page.card)
        formula_lines = lines[1:lines.index(page.tr("Range"))]
        assert formula_lines, lines
        for line in formula_lines:
            assert line.count("(") == line.count(")"), (key, formula_lines)
        if key in ("sigmoid", "tanh"):
            with_bracket = [ln for ln in lines if "|z|" in ln]
            assert with_bracket and all("(" in ln and ")" in ln for ln in with_bracket), (
                key, with_bracket)
