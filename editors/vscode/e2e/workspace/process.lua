-- A process with three patch mistakes (the e2e test checks each one's rule id and range).
Handlers.add('Score', Handlers.utils.hasMatchingTag('Action', 'Score'), function(msg)
  Scores[msg.From] = tonumber(msg.Data)
  Send({ device = 'Patch@1.0', cache = { Scores = Scores, top = { msg.From } } })
end)
