"""Evaluators: TimeML (TempEval-3 style), document gold files, CoNLL NER."""
