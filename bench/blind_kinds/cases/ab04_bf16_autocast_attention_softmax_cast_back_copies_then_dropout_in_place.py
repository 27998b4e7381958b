"""Self-attention written for mixed precision: the softmax runs in float32 and is cast back to the
value dtype, then attention dropout is applied in place to save memory.  This run trains under
bfloat16 autocast, so the cast back makes a new bfloat16 tensor and the dropout writes that copy."""
import torch
import torch.nn as nn
import torch.nn.functional as F

PRECISION = {"fp32": None, "bf16": torch.bfloat16}


class SelfAttention(nn.Module):
    def __init__(self, dim=16, heads=2, attn_drop=0.1):
        super().__init__()
        self.heads, self.attn_drop = heads, attn_drop
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        scores = (q @ k.transpose(-2, -1)) * (d // self.heads) ** -0.5
        attn = scores.softmax(dim=-1, dtype=torch.float32).to(v.dtype)
        F.dropout(attn, self.attn_drop, self.training, inplace=True)  # L
        out = (attn @ v).transpose(1, 2).reshape(b, t, d)
        return self.proj(out)


class TinyEncoder(nn.Module):
    def __init__(self, dim=16, n_classes=3):
        super().__init__()
        self.attn = SelfAttention(dim)
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        x = x + self.attn(self.norm(x))
        return self.head(x.mean(1))


def run(precision="bf16"):
    torch.manual_seed(0)
    model = TinyEncoder()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    dtype = PRECISION[precision]
    for _ in range(2):
        x, y = torch.randn(4, 5, 16), torch.randint(0, 3, (4,))
        with torch.autocast("cpu", dtype=dtype or torch.bfloat16, enabled=dtype is not None):
            logits = model(x)
        loss = F.cross_entropy(logits.float(), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
