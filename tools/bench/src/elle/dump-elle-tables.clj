(require '[cheshire.core :as json]
         '[elle.consistency-model :as cm]
         '[elle.txn :as ct]
         '[elle.graph :as g]
         '[bifurcan-clj.graph :as bg])
(defn edges [gr] (into (sorted-map) (for [v (g/->clj (bg/vertices gr))] [(name v) (sort (map name (g/->clj (g/out gr v))))])))
(println (json/generate-string
  {:friendlyModelNames (into (sorted-map) (for [[k v] cm/friendly-model-names] [(name k) (name v)]))
   :canonicalModelNames (into (sorted-map) (for [[k v] cm/canonical-model-names] [(name k) (name v)]))
   :impliedAnomalies (edges cm/implied-anomalies)
   :models (edges cm/models)
   :directProscribed (edges cm/direct-proscribed-anomalies)
   :anomalyDepths (into (sorted-map) (for [[k v] cm/anomaly-depths] [(name k) v]))
   :cycleAnomalySpecOrder (map name (keys ct/cycle-anomaly-specs))
   :allModels (map name cm/all-models)
   :prohibited (into (sorted-map) (for [m cm/all-models] [(name m) (map name (cm/anomalies-prohibited-by [m]))]))
   }))
(System/exit 0)
