"""The Jinja2 environments of the briefs (the only module that creates one).

Templates are found in a user's folder first (``--template DIR``, ``template_dir=``),
then in the package. Every template runs in Jinja's :class:`SandboxedEnvironment` with
:class:`StrictUndefined`: a user template can read the view it is given, but cannot reach
Python internals, and a misspelt name is an error, not an empty string. Errors name the
template file and line (:class:`~factcheck.errors.TemplateError`).

Each format has one finalizer, applied to every ``{{ value }}``: Markdown escaping for
``.md`` templates (:func:`factcheck.render.escape.markdown`), HTML escaping with
autoescape on for ``.html`` templates (:func:`factcheck.render.escape.html`). Only what
the renderers build themselves is marked safe.

Jinja is imported here, lazily: ``import factcheck`` does not import it.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from factcheck.errors import TemplateError
from factcheck.render import escape

if TYPE_CHECKING:
    import jinja2

__all__ = ["TEMPLATE_DIRS", "render"]

_PACKAGED = Path(__file__).parent.parent / "templates"  # inside an installed wheel
_SOURCE_TREE = Path(__file__).parent.parent.parent / "templates"  # a checkout
TEMPLATE_DIRS = tuple(p for p in (_PACKAGED, _SOURCE_TREE) if p.is_dir())


def _md_finalize(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return escape.markdown(value)


def _html_finalize(value: object) -> object:
    if value is None:
        return ""
    return escape.html(value)


@functools.lru_cache(maxsize=8)
def _environment(kind: str, template_dir: str | None) -> jinja2.Environment:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    paths = ([template_dir] if template_dir else []) + [str(p) for p in TEMPLATE_DIRS]
    finalize: Callable[[Any], Any] = _md_finalize if kind == "md" else _html_finalize
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=kind == "html",
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def _where(exc: BaseException, template_dir: str | None) -> str:
    """The template file and line an error happened at, from Jinja's rewritten traceback."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        name = exc.filename or exc.name or "<template>"
        return f"{name}:{exc.lineno}"
    dirs = [Path(template_dir)] if template_dir else []
    dirs += list(TEMPLATE_DIRS)
    last = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if any(path.is_relative_to(d) for d in dirs if d.exists()) or frame.filename.endswith(
                ".j2"):
            last = f"{frame.filename}:{frame.lineno}"
    return last or "<template>"


def render(template: str, context: dict[str, Any], *, kind: str,
           template_dir: str | Path | None = None) -> str:
    """Render *template* ("brief.md.j2") with *context*; errors become TemplateError."""
    import jinja2

    folder = None
    if template_dir is not None:
        folder_path = Path(template_dir)
        if not folder_path.is_dir():
            raise TemplateError(f"{template_dir}: not a folder of templates")
        folder = str(folder_path.resolve())
    env = _environment(kind, folder)
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(([folder] if folder else []) + [str(p) for p in TEMPLATE_DIRS])
        raise TemplateError(f"template {exc.name!r} not found in {where}") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError,
            IndexError, ZeroDivisionError) as exc:
        raise TemplateError(f"{_where(exc, folder)}: {type(exc).__name__}: {exc}") from None
