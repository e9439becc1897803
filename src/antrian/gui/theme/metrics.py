"""Every size of Antrian's windows, by name: the one place a font's size or a widget's fixed size is written.

Three kinds, beside the colours of ``palette``:

- ``TYPE``, the staff desks' type scale in pixels (counter, supervisor, admin, wizard, settings); a style
  sheet names a size as ``@type_<name>`` (``font-size: @type_title;``), code as ``TYPE.title``.
- ``FLOOR``, what the screens sized from their panel never go below: the readable heights in millimetres
  of the rooms the public faces (kiosk, survey, display), turned into pixels by each screen's own pitch
  (kiosk/sizes.py, display/sizes.py), and the fewest pixels any fitted text is drawn at (fit.py).
- ``SIZE``, the fixed sizes of the desks' widgets in pixels (a side list's width, a chart's least height,
  a field's widest); a sheet names one as ``@size_<name>``.

What scales with the screen stays computed where it is laid out; only its constants live here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Pixel sizes of the desks' text, smallest first."""

    least: int = 12  # the counter panel's and the fitted buttons' smallest text
    commands: int = 15  # the wizard's closing page: the commands that start each window (was 11 pt)
    preview: int = 15  # the settings' preview of what a voice or a slip says
    dialog: int = 17  # the counter's dialogs, read at arm's length in a hurry
    heading: int = 18  # an admin page's title
    title: int = 20  # a window's title on its top bar; a settings page's title
    login: int = 22  # the title of a login form
    grade: int = 28  # the SKM's grade letter beside its index
    number: int = 30  # a ticket's number in the admin's preview of a call
    index: int = 40  # the SKM's index (IKM), the headline of its tab


@dataclass(frozen=True, slots=True)
class Floors:
    """What no text or touch target is made smaller than, whatever the screen."""

    touch_mm: float = 15.0  # the smallest target a finger hits reliably (kiosk, survey)
    name_mm: float = 5.0  # the smallest a kiosk service's name is drawn (its em), readable at arm's length
    detail_mm: float = 4.0  # the smallest of any other text a citizen reads at a kiosk or survey
    call_cap_mm: float = 70.0  # the display's current call, cap height: readable at 10 m
    text_cap_mm: float = 20.0  # anything else on the display, cap height: readable at 5 m
    fitted: int = 10  # pixels: the least a text shrunk to its width is drawn at (fit.py)
    counter_unit: int = 600  # pixels: the counter panel's measure on a window smaller than 1366x768


@dataclass(frozen=True, slots=True)
class Sizes:
    """Fixed pixel sizes of the desks' widgets."""

    sidebar: int = 220  # the admin's list of pages
    logo: int = 96  # a logo's preview (admin office page, wizard), as high as the display's header shows it
    running_text: int = 84  # the admin's running-text box: three lines
    action: int = 36  # the height of an admin page's main action button
    tall_button: int = 40  # a button with two lines of words (SKM entry)
    chart: int = 220  # the least height of a supervisor's chart
    chart_width: int = 420  # ... and the least width of the heat map
    chart_heat: int = 200  # ... and its least height
    progress: int = 220  # the least width of the SKM's sample progress bar
    element_name: int = 220  # an SKM element's name beside its answers: a longer one wraps
    ticket_field: int = 110  # the least width of a ticket number's field (SKM entry)
    code_field: int = 80  # the widest of a service's code field (admin)
    wide_field: int = 240  # the widest of a number field with its unit (a service's standard)
    unit_field: int = 200  # the widest of a unit's choice (a service's standard)
    number_field: int = 120  # the widest of a small number's field (the voice's rate and repeats)
    value_label: int = 48  # the least width of a slider's value (the voice's volume)
    dialog: int = 520  # the least width of a counter's dialog
    service_bar: int = 14  # the highest of the counter's service-time bar before the window sizes it
    wizard_code: int = 60  # the widest of a code's cell in the wizard's tables
    wizard_number: int = 70  # the widest of a number's cell in the wizard's tables
    meter: int = 10  # the height of the wizard's password strength bar
    wizard_width: int = 1000  # the wizard's window, opened on the office's first day
    wizard_height: int = 680


TYPE = TypeScale()
FLOOR = Floors()
SIZE = Sizes()

# the sheets' size tokens: @type_<name> and @size_<name>, in pixels
TOKENS: dict[str, str] = {
    **{f"type_{name}": f"{pixels}px" for name, pixels in asdict(TYPE).items()},
    **{f"size_{name}": f"{pixels}px" for name, pixels in asdict(SIZE).items()},
}
