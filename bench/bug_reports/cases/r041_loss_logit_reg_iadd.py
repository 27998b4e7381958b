# Source: https://github.com/wutong16/DistributionBalancedLoss/issues/20
# Report: training with the distribution-balanced loss stops at loss.backward() with
# "one of the variables needed for gradient computation has been modified by an
# inplace operation: [torch.FloatTensor [64, 109]], which is output 0 of
# SigmoidBackward0, is at version 1; expected version 0".  The loss's logit
# regularisation (resample_loss.py, logit_reg_functions) does `logits += self.neg_bias`
# on the scores it is handed; the reporter's head ends in a sigmoid, so those scores
# are the sigmoid's output, which sigmoid keeps for its backward.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SigmoidHead(nn.Module):
    def __init__(self, feat=8, num_classes=5):
        super().__init__()
        self.fc = nn.Linear(feat, num_classes)

    def forward(self, x):
        return torch.sigmoid(self.fc(x))


class ResampleLoss(nn.Module):
    def __init__(self, num_classes=5, logit_reg=None, loss_weight=1.0):
        super().__init__()
        self.logit_reg = logit_reg if logit_reg is not None else dict(neg_scale=2.0, neg_bias=0.05)
        self.neg_scale = self.logit_reg['neg_scale'] if 'neg_scale' in self.logit_reg else 1.0
        neg_bias = self.logit_reg['neg_bias'] if 'neg_bias' in self.logit_reg else 0.0
        self.neg_bias = torch.full((num_classes,), -neg_bias / self.neg_scale)
        self.loss_weight = loss_weight

    def logit_reg_functions(self, labels, logits, weight=None):
        if not self.logit_reg:
            return logits, weight
        if 'neg_bias' in self.logit_reg:
            logits += self.neg_bias  # hazard
        if 'neg_scale' in self.logit_reg:
            logits = logits * (1 - labels) * self.neg_scale + logits * labels
        return logits, weight

    def forward(self, cls_score, label):
        cls_score, weight = self.logit_reg_functions(label.float(), cls_score)
        loss = F.binary_cross_entropy_with_logits(cls_score, label.float(), reduction='none')
        return self.loss_weight * loss.mean()


def run():
    torch.manual_seed(0)
    head, criterion = SigmoidHead(), ResampleLoss()
    optimizer = torch.optim.SGD(head.parameters(), lr=0.1)
    feats = torch.randn(4, 8)
    labels = (torch.rand(4, 5) > 0.5).long()
    loss = criterion(head(feats), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


if __name__ == "__main__":
    run()
