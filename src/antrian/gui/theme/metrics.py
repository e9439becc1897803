"""Every size of Antrian's windows, by name: the one place a font's size or a widget's fixed size is written.

Three kinds, beside the colours of ``palette``:

- ``TYPE``, the staff desks' type scale in pixels (counter, supervisor, admin, wizard, settings); a style
  sheet names a size as ``@type_<name>`` (``font-size: @type_title;``), code as ``TYPE.title``.
- ``FLOOR``, what the screens sized from their panel never go below: the readable heights in millimetres
  of the rooms the public faces (kiosk, survey, display), turned into pixels by each screen's own pitch
  (kiosk/sizes.py, display/sizes.py), and the fewest pixels any fitted text is drawn at (fit.py).
- ``SIZE``, the fixed sizes of the desks' widgets in pixels (a side list's width, a chart's least height,
  a field's widest); a sheet names one as ``@size_<name>``.
- ``PANEL`` (the counter's), ``KIOSK``, ``SURVEY`` and ``DISPLAY``, the screens that size themselves: each
  text, button and gap as a share of the screen's measure (its height, or that of the 16:9 screen that
  fits in it), computed where the screen is laid out and never below the floors.

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
    counter_number: int = 100  # the widest of a counter's number field (admin)
    counter_services: int = 220  # the least height of the list of services a counter serves (admin)
    wide_field: int = 240  # the widest of a number field with its unit (a service's standard)
    unit_field: int = 200  # the widest of a unit's choice (a service's standard)
    number_field: int = 120  # the widest of a small number's field (the voice's rate and repeats)
    value_label: int = 48  # the least width of a slider's value (the voice's volume)
    dialog: int = 520  # the least width of a counter's dialog
    login_width: int = 520  # the widest of the login card (counter, supervisor, admin)
    login_field: int = 36  # the least height of the login card's username and password
    login_button: int = 44  # the least height of the login card's button
    service_bar: int = 14  # the highest of the counter's service-time bar before the window sizes it
    wizard_code: int = 60  # the widest of a code's cell in the wizard's tables
    wizard_number: int = 70  # the widest of a number's cell in the wizard's tables
    meter: int = 10  # the height of the wizard's password strength bar
    wizard_width: int = 1000  # the wizard's window, opened on the office's first day
    wizard_height: int = 680


@dataclass(frozen=True, slots=True)
class CounterScale:
    """The counter panel's sizes, as shares of its measure (counter/look.py: about the window's height)."""

    text: float = 0.019  # every text and field not named below
    number: float = 0.12  # the called ticket's number
    ticket: float = 0.03  # the service, the state and the priority mark beside the number
    detail: float = 0.024  # waited, called, the service time, the no-show offer, the empty list's note, voice
    message: float = 0.026  # the message line; the header's counter, state, operator and clock
    button: float = 0.021  # an action's words
    button_height: float = 0.085  # an action's button
    service_bar: float = 0.016  # the height of the service time's bar
    row: float = 0.036  # a row of the waiting and the recent lists
    login_title: float = 0.034
    offline: float = 0.022  # the offline banner


@dataclass(frozen=True, slots=True)
class KioskScale:
    """The kiosk's sizes, as shares of the screen's measure unless said otherwise."""

    target: float = 0.1  # a touch target's height (never under FLOOR.touch_mm)
    office: float = 0.05  # the office's name; the ticket page's heading
    service: float = 0.045  # the ticket page's service
    heading: float = 0.04  # the priority groups' title and buttons; the exit note's heading
    name: float = 0.036  # a service's name on its button
    title: float = 0.035  # the home page's title; the ticket page's details
    status: float = 0.032  # the mode line; the printing's state
    action: float = 0.03  # Back, priority, the pager, reprint and done, the exit note's buttons, offline
    detail: float = 0.028  # a service's queue; the exit note's text
    gap: float = 0.02  # between the buttons (never under gap_floor pixels)
    gap_floor: int = 16
    number: float = 0.22  # the ticket's number, of the window's height when the page leaves it room
    number_width: float = 0.9  # ... and never wider than this share of the window's width
    code: float = 1.5  # a service's code, of its name's size
    code_box: float = 2.4  # the code's square box, of the name's size
    margin: float = 0.6  # the room around a button's words, of the name's size (never under margin_floor)
    margin_floor: int = 14
    spacing: float = 0.25  # between a button's lines, of the name's size (never under spacing_floor)
    spacing_floor: int = 6


@dataclass(frozen=True, slots=True)
class SurveyScale:
    """The survey's sizes, as shares of the screen's measure unless said otherwise."""

    target: float = 0.1  # a touch target's height (never under FLOOR.touch_mm)
    gap: float = 0.02  # margins and gaps (never under gap_floor pixels); the progress bar's height
    gap_floor: int = 12
    logo: float = 0.16  # the office's logo on the idle page
    office: float = 0.05  # the office's name
    idle_title: float = 0.06
    idle_detail: float = 0.035
    idle_start: float = 0.045
    idle_start_height: float = 1.4  # of a touch target
    invite_title: float = 0.07
    invite_detail: float = 0.036
    invite_start: float = 0.05
    invite_start_height: float = 1.6  # of a touch target
    move: float = 0.034  # Skip, Back, Next; the suggestion's text
    services_title: float = 0.045
    service: float = 0.036  # a service's button; the problem page's buttons
    service_height: float = 1.8  # the tallest of a service's button, of a touch target
    thanks_title: float = 0.09
    thanks_detail: float = 0.04
    message: float = 0.04  # the problem page's message; an answer level's words; a choice's words
    level: float = 0.09  # an answer level's button (never under a touch target)
    level_number: float = 0.55  # an answer level's number, of its disc
    progress: float = 0.032
    tag: float = 0.026  # the tags under a question
    prompt: float = 0.042  # the question
    choice_height: float = 1.5  # a choice's button, of a touch target
    offline: float = 0.03


@dataclass(frozen=True, slots=True)
class DisplayScale:
    """The display's sizes beyond its floors (FLOOR.call_cap_mm, FLOOR.text_cap_mm)."""

    call: float = 0.18  # the called number, of the screen's height (landscape)
    call_portrait: float = 0.15
    counter: float = 0.8  # the call's counter, of the number's size (landscape)
    counter_portrait: float = 0.67
    idle: float = 1.5  # "no call yet", of the text floor
    header: float = 0.6  # the header's small text, of the text floor


TYPE = TypeScale()
FLOOR = Floors()
SIZE = Sizes()
PANEL = CounterScale()
KIOSK = KioskScale()
SURVEY = SurveyScale()
DISPLAY = DisplayScale()

# the sheets' size tokens: @type_<name> and @size_<name>, in pixels
TOKENS: dict[str, str] = {
    **{f"type_{name}": f"{pixels}px" for name, pixels in asdict(TYPE).items()},
    **{f"size_{name}": f"{pixels}px" for name, pixels in asdict(SIZE).items()},
}
