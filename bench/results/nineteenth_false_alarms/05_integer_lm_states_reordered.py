"""Reduced from nemo-toolkit 3.0.0,
nemo/collections/asr/parts/submodules/rnnt_malsd_batched_computer.py:1129-1133 and
1213-1223 (``ModifiedALSDBatchedRNNTComputer._loop_update_decoder``, transducer
beam search with n-gram LM fusion; the same in tdt_malsd_batched_computer.py:1262,
1354)::

    torch.gather(self.state.beam_indices.reshape(self.state.batch_size, -1), dim=-1,
                 index=hyps_candidates_indices, out=self.state.next_idx)
    ...
    for fusion_idx, fusion_model in enumerate(self.fusion_models):
        self.state.fusion_states_candidates_list[fusion_idx].copy_(
            torch.gather(self.state.fusion_states_candidates_list[fusion_idx], dim=1,
                         index=self.state.next_idx[:, :, None].expand(...)))
        ...
        fusion_scores, fusion_states_candidates = fusion_model.advance(states=...)
        self.state.fusion_states_candidates_list[fusion_idx].copy_(fusion_states_candidates.view(...))

Safe: the gathered tensors are the LM's *states* (the second output of
``advance``: state ids, ``long``), so the gather keeps neither its input nor its
index (an integer tensor cannot require grad), and the beam reorder may write
both in place.  The beam scores carry the graph and backpropagate.  The linter
warns twice, as in the library: ``gather`` (its index) saved ``next_idx`` in
the previous iteration, and ``gather`` (its input) saved the candidates.  The
LM is a constructor argument, so the dtype of what its ``advance`` returns is
unknown; the candidates are kept on a decoding state made once and reused
(``if self.state is None ...``), each a clone of an "initial" list's element, as
in the library (with the candidates appended straight from ``advance`` only the
first warning is given; with the state made in ``forward`` itself, none).
"""
import torch
import torch.nn as nn


class TableLM:
    """Next state and score for each (state, label), as read from an LM file."""

    def __init__(self, arcs):
        self.next_states = torch.tensor([[to for to, _ in row] for row in arcs])
        self.weights = torch.tensor([[weight for _, weight in row] for row in arcs])

    def advance(self, states):
        return self.weights[states], self.next_states[states]


class State:
    pass


class BeamSearch(nn.Module):
    def __init__(self, fusion_models, dim=4, vocab=3, beam=2):
        super().__init__()
        self.joint = nn.Linear(dim, vocab)
        self.fusion_models = fusion_models
        self.vocab, self.beam = vocab, beam
        self.state = None

    def _reinitialize(self, batch):
        self.state = State()
        self.state.batch = batch
        self.state.next_idx = torch.zeros([batch, self.beam], dtype=torch.long)
        self.state.init_fusion_states_candidates_list = []
        self.state.fusion_states_candidates_list = []
        for fusion_idx, fusion_model in enumerate(self.fusion_models):
            _, candidates = fusion_model.advance(torch.zeros(batch * self.beam, dtype=torch.long))
            self.state.init_fusion_states_candidates_list.append(candidates.view(batch, self.beam, -1))
            self.state.fusion_states_candidates_list.append(
                self.state.init_fusion_states_candidates_list[fusion_idx].clone())

    def _loop_body(self, log_probs):
        top, flat = (self.state.total.unsqueeze(-1) + log_probs.unsqueeze(1)).view(self.state.batch, -1).topk(self.beam)
        torch.div(flat, self.vocab, rounding_mode="floor", out=self.state.next_idx)
        self.state.labels = flat % self.vocab
        self.state.total = top

    def _loop_update_fusion(self):
        batch, labels = self.state.batch, self.state.labels
        for fusion_idx, fusion_model in enumerate(self.fusion_models):
            self.state.fusion_states_candidates_list[fusion_idx].copy_(
                torch.gather(self.state.fusion_states_candidates_list[fusion_idx], dim=1,
                             index=self.state.next_idx[:, :, None].expand(batch, self.beam, self.vocab)))
            states = torch.gather(self.state.fusion_states_candidates_list[fusion_idx], -1, labels.unsqueeze(-1))
            scores, candidates = fusion_model.advance(states.view(-1))
            self.state.fusion_states_candidates_list[fusion_idx].copy_(candidates.view(batch, self.beam, -1))
            lm_scores = torch.gather(scores.view(batch, self.beam, -1), -1, labels.unsqueeze(-1)).squeeze(-1)
            self.state.total = self.state.total + lm_scores

    def forward(self, encoder_output):
        batch, steps, _ = encoder_output.shape
        if self.state is None or self.state.batch != batch:
            self._reinitialize(batch)
        self.state.total = encoder_output.new_zeros(batch, self.beam)
        for t in range(steps):
            self._loop_body(self.joint(encoder_output[:, t]).log_softmax(-1))
            self._loop_update_fusion()
        return self.state.total


def main():
    arcs = [[((s + label) % 5, -0.1 * (s + label)) for label in range(3)] for s in range(5)]
    model = BeamSearch([TableLM(arcs)])
    encoder_output = torch.randn(2, 4, 4, requires_grad=True)
    model(encoder_output).logsumexp(-1).sum().backward()
    assert encoder_output.grad is not None
    print("ok")


if __name__ == "__main__":
    main()
