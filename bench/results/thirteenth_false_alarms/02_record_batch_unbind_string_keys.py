"""torchrl 0.14.1 (run beside the set, not in it): IPL003 warning at
modules/llm/policies/transformers_wrapper.py:906 (and :914), the same at vllm_wrapper.py:1103 (and
:1111) (``r[(self.tokens_key, "prompt")] = ...`` and ``r[self.text_key, "prompt"] = ...`` in the
``for r in result.unbind(1):`` loops of ``_from_transformers_generate_history`` and
``_from_vllm_generate_history``).

``result`` is the TensorDict the wrapper's generation returns (batch shape ``(batch,
num_samples)``); ``TensorDict.unbind(1)`` gives one sub-TensorDict per sample, and assigning to it
with a key that is a tuple of strings sets a nested entry (the prompt tokens, the prompt text: a
list of strings) in each sample's record.  No tensor is written in place, and none could be: a
tensor rejects a subscript made of strings at once (a TypeError), and the same function also calls
``result.set(...)``, ``result.empty()`` and ``with result.view(-1) as result_flat:`` (a tensor is
no context manager: a TypeError too).  The stand-in ``Records`` below
behaves as the TensorDict does for these calls; the policy's log-probabilities, stored in it,
backpropagate after the loops.

The linter takes the value returned by an unknown callable for a possible tensor, its ``unbind``
for the multi-output view function, and the key assignment for a write into one of its views.
It already knows a plain string key is no tensor write (``r["prompt"] = ...`` is quiet) but not a
tuple that holds a string (``r[(key, "prompt")]``, ``r[key, "prompt"]``).
"""
import torch
from torch import nn


class Records:
    """A batch of named entries with a batch shape, like a TensorDict: ``rec[key] = value`` sets an
    entry (keys are strings or tuples of strings for nested entries), ``unbind(dim)`` gives one
    record per index along ``dim`` that writes through to this one."""

    def __init__(self, batch_size, entries=None, parent=None, index=None):
        self.batch_size = batch_size
        self.entries = {} if entries is None else entries
        self.parent, self.index = parent, index

    def unbind(self, dim):
        assert dim == 1
        return [Records(self.batch_size[:1], parent=self, index=i) for i in range(self.batch_size[1])]

    def __setitem__(self, key, value):
        if self.parent is not None:
            self.parent.entries.setdefault(key, {})[self.index] = value
        else:
            self.entries[key] = value

    def __getitem__(self, key):
        return self.entries[key]


class SampledPolicy:
    def __init__(self, generate, num_samples, tokens_key="tokens", text_key="text"):
        self.generate = generate
        self.num_samples = num_samples
        self.tokens_key, self.text_key = tokens_key, text_key

    def forward(self, prompt_tokens, prompt_text):
        result = self.generate(prompt_tokens, self.num_samples)
        for r in result.unbind(1):
            r[(self.tokens_key, "prompt")] = prompt_tokens
        for r in result.unbind(1):
            r[self.text_key, "prompt"] = prompt_text
        return result


class TinyLM(nn.Module):
    def __init__(self, vocab=11, dim=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab)

    def sample(self, tokens, num_samples):
        logits = self.head(self.embed(tokens).mean(1))                     # (batch, vocab)
        dist = torch.distributions.Categorical(logits=logits.unsqueeze(1).expand(-1, num_samples, -1))
        response = dist.sample()                                           # (batch, num_samples)
        out = Records((tokens.shape[0], num_samples))
        out[("tokens", "response")] = response
        out["log_probs"] = dist.log_prob(response)
        return out


if __name__ == "__main__":
    torch.manual_seed(0)
    lm = TinyLM()
    policy = SampledPolicy(lm.sample, num_samples=3)
    opt = torch.optim.SGD(lm.parameters(), lr=0.1)
    tokens = torch.randint(0, 11, (4, 5))
    for _ in range(3):
        result = policy.forward(tokens, ["a prompt"] * 4)
        assert set(result[("tokens", "prompt")]) == {0, 1, 2}
        reward = (result[("tokens", "response")] % 2 == 0).float()
        loss = -(reward * result["log_probs"]).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert lm.head.weight.grad is not None
    print("ok")
