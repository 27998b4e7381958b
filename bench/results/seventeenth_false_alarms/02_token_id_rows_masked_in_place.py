"""espnet 202511: IPL003 warning at espnet2/lm/espnet_model_multitask.py:162
(``cur_text[: (cur_text == sos).nonzero()[0][0] + 1] = self.ignore_id`` in
``ESPnetMultitaskLanguageModel._calc_att_loss`` [via ``_calc_att_loss()`` called at line 188],
"`cur_text` is an output of a multi-output view function (unbind/split/chunk or iteration over
a tensor) and `[]=` modifies it in place; torch raises '... is a view and is being modified
inplace ... returns multiple views'").

The multitask language model builds its targets by walking the batch of token ids row by row and
overwriting the condition part of each row (up to the task's start token) with the ignore id:

    for cur_text, cur_text_len in zip(text, text_lengths):
        cur_text = cur_text[:cur_text_len]
        for sos in self.sos_ids:
            if sos in cur_text:
                cur_text[: (cur_text == sos).nonzero()[0][0] + 1] = self.ignore_id
                break

Iterating a tensor gives views made by one multi-output op, and torch refuses to write one of
them in place only when it requires grad (or its base does, in grad mode).  ``text`` is token
ids: the language model embeds the padded rows (``self.lm(input, None)``) and the targets are the
class indices of the label-smoothing loss, both of which need an integer tensor.  An integer
tensor cannot require grad, so the write runs (and the library's training does run it).

In the engine's terms: ``text`` is an argument annotated ``torch.Tensor`` of unknown dtype (an
unannotated argument is quiet: it might be a list), so the rows of ``zip(text, ...)`` are outputs
of a multi-output view function that may require grad, and the masked write is an IPL003 write.
The engine would need to take a tensor whose slices feed an ``nn.Embedding`` (here through
``pad_list``) or are the class targets of ``cross_entropy`` to be integer, or not to report a
write into an unbind view of a tensor that is not known to require grad.
"""
import torch
import torch.nn.functional as F
from torch import nn


def pad_list(xs, pad_value):
    out = xs[0].new_full((len(xs), max(x.size(0) for x in xs)), pad_value)
    for i, x in enumerate(xs):
        out[i, : x.size(0)] = x
    return out


class ConditionedLM(nn.Module):
    def __init__(self, num_tokens=12, dim=8, sos_ids=(1, 2)):
        super().__init__()
        self.embed = nn.Embedding(num_tokens, dim)
        self.out = nn.Linear(dim, num_tokens)
        self.sos_ids = sos_ids
        self.eos_id = num_tokens - 1
        self.ignore_id = -1

    def _calc_att_loss(self, text, text_lengths):
        text = text[:, 1:]
        text_lengths = text_lengths - 1
        input = pad_list([t[:t_len] for t, t_len in zip(text, text_lengths)], self.eos_id)

        target = []
        for cur_text, cur_text_len in zip(text, text_lengths):
            cur_text = cur_text[:cur_text_len]
            # mask out the condition text
            for sos in self.sos_ids:
                if sos in cur_text:
                    cur_text[: (cur_text == sos).nonzero()[0][0] + 1] = self.ignore_id
                    break
            cur_text = cur_text[1:]
            cur_text = F.pad(cur_text, (0, 1), value=self.eos_id)
            target.append(cur_text)
        target = pad_list(target, self.ignore_id)

        logits = self.out(self.embed(input))
        return F.cross_entropy(logits.transpose(1, 2), target, ignore_index=self.ignore_id)

    def forward(self, text: torch.Tensor, text_lengths: torch.Tensor):
        return self._calc_att_loss(text, text_lengths)


model = ConditionedLM()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    text = torch.tensor([[3, 4, 1, 5, 6, 7], [3, 8, 9, 2, 4, 0]])
    loss = model(text, torch.tensor([6, 5]))
    opt.zero_grad()
    loss.backward()
    opt.step()
