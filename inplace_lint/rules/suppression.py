"""IPL100: a suppression comment that suppresses nothing (opt-in, like ruff's RUF100)."""
from __future__ import annotations

from .base import Rule


class UnusedSuppression(Rule):
    code = "IPL100"
    name = "unused-suppression"
    summary = "a `# noqa: IPLxxx` or `# inplace-lint: noqa: IPLxxx` comment that suppresses nothing (opt-in)"
    opt_in = True
    severity = "warning"
    doc = """\
A suppression comment names a code that reported nothing on that line (or, for
a file-level `# inplace-lint: noqa: IPLxxx`, in that file).  The hazard it once
hid was fixed, or the comment sits on the wrong line; either way it now hides
nothing, and would hide a future finding nobody has looked at.

Severity: warning.  The rule is **off by default**: enable it with
`--extend-select IPL100` (or `extend-select = ["IPL100"]` in
`[tool.inplace-lint]`); selecting `IPL` alone does not turn it on.

Only `IPL` codes are judged: codes of other tools (`# noqa: E501`) and a bare
`# noqa` (shared with flake8 and its plugins) are never reported.  Codes of
rules that are disabled for the file are not reported either.  Comments in
notebook cells are honoured but not judged by this rule.

`inplace-lint check --add-noqa` writes `# noqa: IPLxxx` comments for the
current findings; this rule finds the ones that outlived their finding.

## Example

```python
x = torch.randn(3, requires_grad=True)
y = x * 2  # noqa: IPL001
```

Nothing on the second line is in-place, so the comment is reported:
`unused noqa directive (suppresses nothing: IPL001)`.  Remove it.
"""
    VALID = (
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "y = torch.sigmoid(x)\n"
        "y.mul_(2)  # noqa: IPL001\n"
        "y.sum().backward()\n",
    )
    INVALID = (
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "y = x * 2  # noqa: IPL001\n",
    )

    def judge(self, ev):
        return None  # judged from the comments by inplace_lint.suppression, not from engine events
