"""What a citizen typed in a form refused as too large (over MAX_CONTENT_LENGTH, answered 413 before any of it is
read): the fields sent before the first file, read from the start of the body. The citizen's form puts the text
and the place before the evidence files, so the text is kept; what follows the files (the kind, the contact
details) is beyond the files and is not read."""

from flask import request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

READ_AT_MOST = 256 * 1024  # a text of REPORT_TEXT_MAX characters and the fields around it, with room to spare
CHUNK = 64 * 1024


def fields_before_the_files() -> MultiDict:
    """The form fields the refused request carried before its first file (nothing when the body was not multipart
    or had no declared length, as a chunked body is already partly read by then)."""
    fields: MultiDict = MultiDict()
    boundary = request.mimetype_params.get("boundary")
    if request.mimetype != "multipart/form-data" or not boundary or request.content_length is None:
        return fields
    decoder = MultipartDecoder(boundary.encode("latin-1"), max_form_memory_size=READ_AT_MOST)
    stream, left = request.environ["wsgi.input"], min(request.content_length, READ_AT_MOST)
    try:
        _read(decoder, stream, left, fields)
    except (RequestEntityTooLarge, ValueError):  # a field longer than READ_AT_MOST, or a body that does not parse
        pass
    return fields


def _read(decoder: MultipartDecoder, stream, left: int, fields: MultiDict) -> None:
    name: str | None = None
    parts: list[bytes] = []
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
        decoder.receive_data(chunk)
        while not isinstance(event := decoder.next_event(), NeedData):
            if isinstance(event, File | Epilogue):
                return
            if isinstance(event, Field):
                name, parts = event.name, []
            elif isinstance(event, Data) and name is not None:
                parts.append(event.data)
                if not event.more_data:
                    fields.add(name, b"".join(parts).decode("utf-8", "replace"))
                    name = None
