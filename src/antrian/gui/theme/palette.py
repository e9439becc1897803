"""Every colour of Antrian's windows, by name: the one place a colour's value is written.

The style sheets (``*.qss`` beside this module) name these as ``@token``; code that paints (table models,
charts, the display's running text) asks ``theme.colour("token")``. Two families share the names' roots:
the dark rooms the public faces (display, kiosk, survey: light text on the office's navy, the amber of a
fresh call or a choice) and the light desks of the staff (counter, supervisor, admin: navy text and top bar
on grey-white). Text on its background keeps a contrast of at least 4.5:1 (7:1 for the counter's messages).
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    # the office's colours, shared by every window
    "navy": "#0b1f3a",  # the dark rooms' background; the staff windows' top bar, titles and buttons
    "snow": "#f5f7fa",  # light text on navy; the kiosk's and survey's buttons
    "amber": "#f2b705",  # the fresh call, a choice made, the keyboard focus
    "green": "#1e7a46",  # open, done, within the standard, the action that goes on
    "red": "#b3261e",  # offline, refused, over the standard, the action that ends
    "orange": "#d98e04",  # on a break, near the standard
    "slate": "#5d6673",  # quiet text (hints, the empty list, a closed counter)
    # the dark rooms (display, kiosk, survey)
    "navy_deep": "#06162b",  # the display's bottom bar
    "navy_raised": "#12305a",  # a panel on the room: the call panel, the recent calls, the secondary buttons
    "navy_tile": "#163a6b",  # a counter's tile on the display
    "navy_off": "#1a2738",  # a button that cannot be pressed now (next page, next question)
    "navy_off_text": "#5d6b7c",
    "charcoal": "#2a2f36",  # a closed counter's tile; a disabled light button
    "charcoal_text": "#9aa5b4",  # the words on a closed counter's tile
    "off_text": "#9aa4b0",  # the words of a disabled light button
    "pause_tile": "#4a3b12",  # a counter on a break, on the display
    "heading_dim": "#9fb3cc",  # the display's section headings and a recent call's counter
    "idle_dim": "#c9d6e6",  # the display's "no call yet"
    "tag_dim": "#aebbd0",  # the survey's tags under a question
    "code_off": "#454d58",  # a kiosk service's code while the service cannot take tickets
    "label_off": "#c3cad3",  # a kiosk service's words while it cannot take tickets
    "zone_text": "#7a5a00",  # a kiosk service's zone (Mal Pelayanan Publik)
    # the survey's answer levels, red (1) to green (4), each with its number, never colour alone
    "level1": "#c0392b",
    "level2": "#e67e22",
    "level3": "#7cb342",
    "level4": "#1e7a46",
    # the light desks (counter, supervisor, admin, wizard)
    "mist": "#eef1f5",  # a desk window's background
    "line": "#c9d1dc",  # borders of lists, boxes and table headers
    "card_line": "#d5dbe3",  # the settings' boxes
    "grid": "#e1e5eb",  # a table's grid lines
    "header": "#dfe5ee",  # a table header's background
    "selection": "#d6e4f5",  # the selected row
    "disabled": "#c9ced6",  # a button that cannot be pressed now
    "off_grey": "#e4e7ec",  # a disabled answer level (SKM entry)
    "no_grade": "#8a94a3",  # the SKM grade before any answer
    "sidebar": "#13294b",  # the admin's list of pages
    "sidebar_text": "#dfe7f2",
    "subtitle": "#aab8cc",  # the admin's subtitle on the top bar
    "ink": "#1d2633",  # the settings' body text
    "ink_soft": "#3d4756",  # a settings page's about text
    "ink_call": "#27364a",  # the spoken call in the admin's preview
    "dashed": "#9e9e9e",  # the wizard's empty logo frame
    "dashed_text": "#616161",
    # notes, warnings and errors on the light desks
    "note": "#fff4d6",  # read-only notes (admin, settings)
    "note_line": "#f2d38a",
    "note_strong": "#fff1c2",  # the SKM's lowest unsur, its read-only note
    "note_text": "#5c4400",  # text on the notes and warnings
    "warn_soft": "#fff3cd",  # the counter's warning message, the no-show offer
    "focus_soft": "#fffbea",  # the SKM answer row that has the focus
    "error_soft": "#fde7e9",  # the counter's error message, a wizard cell with a problem
    "error_pale": "#fde8e7",  # a settings page's error message
    "flag_soft": "#fde2e1",  # a flagged row (supervisor), the SKM's sample warning
    "over_soft": "#fbe3e1",  # an event over its standard (supervisor's log)
    "error_deep": "#8c1d18",  # text on the error backgrounds
    "error_text": "#b00020",  # a page's error line (report, log, SKM entry, zones)
    "info_soft": "#e3f4ea",  # the counter's result message
    "info_pale": "#e3f3e8",  # a settings page's result message
    "info_deep": "#14532d",  # text on the counter's result message
    "ok_text": "#1b6e20",  # a page's result line (report, SKM entry, settings)
    "ok_deep": "#1b5e20",  # the zones' result line; a very strong password
    "ok_strong": "#2e7d32",  # a strong password
    "fair": "#b26a00",  # a fair password
    "priority_soft": "#dff3e6",  # a priority ticket's row at the counter
    "retired": "#a0a0a4",  # a retired service in the admin's list (Qt's gray)
    # the supervisor's charts
    "chart_low": "#f1f5fb",  # the heat map's quietest hour
    "chart_high": "#1d4f91",  # ... and its busiest
    "chart_bar": "#7aa6d8",
    "chart_line": "#c0392b",
    "chart_ink": "#222222",  # a number on a pale cell of the heat map
}
