"""espnet 202511: IPL001 warning at espnet2/asr/pit_espnet_model.py:306 (the call of
``self._calc_att_loss(encoder_out, encoder_out_lens, text, text_lengths)`` in
``ESPnetASRModel.forward`` of the multi-speaker PIT model), "`text_lengths` is modified in place
by `+=` but `max` at line 235 (its self) saved it for backward ... (if that op saved it on the
path taken: it depends on a branch or on whether its inputs require grad) [in _calc_att_loss() at
espnet2/asr/espnet_model.py:582]".

The PIT model stacks the token-sequence lengths of its speakers and pads every reference to the
longest one:

    text_lengths = torch.stack(text_ref_lengths, dim=1)  # (batch, num_ref)
    text_length_max = text_lengths.max()
    text = torch.stack([F.pad(ref, (0, text_length_max - ref.shape[1]), value=self.ignore_id)
                        for ref in text_ref], dim=1)
    ...
    loss_att, ... = self._calc_att_loss(encoder_out, encoder_out_lens, text, text_lengths)

and the inherited ``_calc_att_loss`` adds the language token to the lengths in place
(``ys_pad_lens += 1``) when the model has one.  A full ``max()`` keeps its input for the gradient
only when that input requires grad.  These are lengths: espnet2's collate function makes them
``torch.long`` (``torch.tensor([d[key].shape[0] for d in data], dtype=torch.long)``), and the model
uses them as sizes (``F.pad`` amounts, ``make_pad_mask``, CTC target lengths), which a floating
tensor could not be.  An integer tensor cannot require grad, so ``max`` keeps nothing and ``+=``
cannot break a backward.

In the engine's terms: ``text_lengths`` is a method argument of unknown dtype ("arg", annotated
``torch.Tensor`` in the library), so ``max`` may save it and the in-place ``+=`` on the stacked
lengths (or their reshape, a view of them) is an uncertain write into a saved tensor.  The
engine would need to take a tensor used as a size (a pad amount, a bound of ``arange``, a
comparison against ``arange`` to build a mask, the target lengths of ``ctc_loss``) to be integer,
or know espnet2's collated ``*_lengths`` to be ``long``.  Runs and backpropagates with and
without the language token.
"""
import torch
import torch.nn.functional as F
from torch import nn


class TwoSpeakerModel(nn.Module):
    def __init__(self, num_tokens=12, dim=8, lang_token_id=None):
        super().__init__()
        self.encoder = nn.Linear(4, dim)
        self.embed = nn.Embedding(num_tokens, dim)
        self.out = nn.Linear(dim, num_tokens)
        self.lang_token_id = lang_token_id
        self.ignore_id = -1

    def _calc_att_loss(self, encoder_out, ys_pad, ys_pad_lens):
        if self.lang_token_id is not None:
            ys_pad = torch.cat([torch.full_like(ys_pad[:, :1], self.lang_token_id), ys_pad], dim=1)
            ys_pad_lens += 1
        mask = torch.arange(ys_pad.size(1))[None, :] < ys_pad_lens[:, None]
        hidden = self.embed(ys_pad.clamp(min=0)) + encoder_out.mean(1, keepdim=True)
        logits = self.out(hidden)
        target = ys_pad.masked_fill(~mask, self.ignore_id)
        return F.cross_entropy(logits.transpose(1, 2), target, ignore_index=self.ignore_id)

    def forward(self, speech, text, text_lengths, text_spk2, text_spk2_lengths):
        text_ref = [text, text_spk2]
        text_lengths = torch.stack([text_lengths, text_spk2_lengths], dim=1)
        text_length_max = text_lengths.max()
        text = torch.stack(
            [F.pad(ref, (0, text_length_max - ref.shape[1]), value=self.ignore_id) for ref in text_ref],
            dim=1,
        )
        encoder_out = self.encoder(speech)
        encoder_out = encoder_out.repeat_interleave(2, dim=0)
        text = text.reshape(-1, text.shape[-1])
        text_lengths = text_lengths.reshape(-1)
        return self._calc_att_loss(encoder_out, text, text_lengths)


for lang in (None, 3):
    model = TwoSpeakerModel(lang_token_id=lang)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        loss = model(torch.randn(2, 5, 4), torch.randint(0, 12, (2, 6)), torch.tensor([6, 4]),
                     torch.randint(0, 12, (2, 5)), torch.tensor([5, 3]))
        opt.zero_grad()
        loss.backward()
        opt.step()
