import pytest
import torch

from genreflow_train.models import ARCHITECTURES, ModelSpec, build_model, parameter_count

# The shapes the Java feature code produces for 3-s snippets at 22050 Hz.
REALISTIC = {"logmel": (130, 128), "spectrogram": (130, 1025), "chroma": (130, 12), "waveform": (64, 1024)}


@pytest.mark.parametrize("arch", ARCHITECTURES)
@pytest.mark.parametrize("representation", REALISTIC)
def test_every_architecture_takes_every_representation_and_stays_small(arch, representation):
    frames, features = REALISTIC[representation]
    torch.manual_seed(0)
    model = build_model(ModelSpec(arch, frames, features, n_classes=10)).eval()
    with torch.no_grad():
        logits = model(torch.randn(3, frames, features))
    assert logits.shape == (3, 10)
    assert torch.isfinite(logits).all()
    assert parameter_count(model) <= 400_000


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_outputs_are_logits_not_probabilities(arch):
    torch.manual_seed(0)
    model = build_model(ModelSpec(arch, 16, 20, n_classes=4)).eval()
    with torch.no_grad():
        logits = model(torch.randn(5, 16, 20) * 3)
    assert not torch.allclose(logits.sum(dim=1), torch.ones(5))


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_a_snippets_logits_do_not_depend_on_the_rest_of_the_batch(arch):
    torch.manual_seed(0)
    model = build_model(ModelSpec(arch, 16, 20, n_classes=4)).eval()
    batch = torch.randn(4, 16, 20)
    with torch.no_grad():
        torch.testing.assert_close(model(batch)[1:2], model(batch[1:2]), rtol=1e-5, atol=1e-5)


def test_crnn_handles_single_frames_and_single_features():
    model = build_model(ModelSpec("crnn", 1, 1, n_classes=2)).eval()
    with torch.no_grad():
        assert model(torch.randn(2, 1, 1)).shape == (2, 2)


def test_spec_round_trips_and_rejects_bad_values():
    spec = ModelSpec("lstm", 130, 1025, 10, channels=(8, 16))
    assert ModelSpec.from_dict(spec.to_dict()) == spec
    with pytest.raises(ValueError, match="unknown architecture 'tcn'"):
        ModelSpec("tcn", 130, 128, 10)
    with pytest.raises(ValueError, match="at least 2 classes"):
        ModelSpec("gru", 130, 128, 1)
