"""``antrian voice test``: a call recorded as the display would announce it with the office's voice settings
(chime, sentence, repeats), for an admin checking the voice on a PC without a display or speakers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import INT32_MAX, PATH_TEXT, printable, whole
from antrian.cli.output import show
from antrian.cli.parsing import Commands

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.services.display import VoiceSettings


def cmd_voice_test(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime
    from pathlib import Path

    from antrian.domain.labels import format_label, parse_label
    from antrian.services.display import Call, get_voice_settings
    from antrian.services.lookup import service_by_code

    code, sequence = parse_label(args.number)

    def read(session: Session) -> tuple[VoiceSettings, str]:
        return get_voice_settings(session), service_by_code(session, code).name

    settings, service_name = run_in(args, lambda session, _actor: read(session), write=False)
    from antrian.voice.calls import render_call_wav
    from antrian.voice.speech import wav_seconds

    number = format_label(code, sequence)
    call = Call(0, datetime.now(UTC), number, args.counter, code, service_name, recall=False)
    path = render_call_wav(call, settings, Path(args.wav))
    seconds = wav_seconds(path)
    show(
        args,
        {"wav": str(path), "number": number, "counter": args.counter, "seconds": round(seconds, 2)},
        words.text("recording.written", number=number, counter=args.counter, path=str(path), seconds=seconds),
    )
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    voice = commands.group("voice", words.text("help.voice.summary"), words.text("help.voice.about"))
    voice_test = commands.command(
        voice,
        "test",
        cmd_voice_test,
        words.text("help.voice_test.summary"),
        words.text("help.voice_test.about"),
        user=False,
    )
    voice_test.add_argument(
        "--wav",
        required=True,
        type=printable("--wav", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.voice_test.wav"),
    )
    voice_test.add_argument("--number", default="A001", help=words.text("help.voice_test.number"))
    voice_test.add_argument(
        "--counter",
        type=whole("--counter", 1, INT32_MAX),
        default=1,
        help=words.text("help.voice_test.counter"),
    )
