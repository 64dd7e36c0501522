/// Reading-list papers that study or extend the losses, cited in full (titles exactly as the
/// reading list spells them; authors, year and venue as published, the first three and "et al."
/// for more than six authors).
enum ReadingList {
    static let suSanaDistancia = Citation(
        title: "SuSana Distancia is all you need: Enforcing class separability in metric learning via two novel "
            + "distance-based loss functions for few-shot image classification",
        authors: "Mauricio Mendez-Ruiz, Jorge Gonzalez-Zapata, Ivan Reyes-Amezcua, et al.", year: 2023, venue: "arXiv")
    static let speakerMetricLearning = Citation(
        title: "In defence of metric learning for speaker recognition",
        authors: "Joon Son Chung, Jaesung Huh, Seongkyu Mun, et al.", year: 2020, venue: "Interspeech")
    static let polyLoss = Citation(
        title: "PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions",
        authors: "Zhaoqi Leng, Mingxing Tan, Chenxi Liu, et al.", year: 2022, venue: "ICLR")
    static let iCon = Citation(
        title: "I-Con: A Unifying Framework for Representation Learning",
        authors: "Shaden Alshammari, John Hershey, Axel Feldmann, William T. Freeman, Mark Hamilton", year: 2025, venue: "ICLR")
    static let zLoss = Citation(
        title: "The Z-loss: a shift and scale invariant classification loss belonging to the Spherical Family",
        authors: "Alexandre de Brébisson, Pascal Vincent", year: 2016, venue: "arXiv")
    static let adaFace = Citation(
        title: "AdaFace: Quality Adaptive Margin for Face Recognition",
        authors: "Minchul Kim, Anil K. Jain, Xiaoming Liu", year: 2022, venue: "CVPR")
    static let lossSurvey = Citation(
        title: "Loss Functions and Metrics in Deep Learning",
        authors: "Juan Terven, Diana M. Cordova-Esparza, Alfonso Ramirez-Pedraza, Edgar A. Chavez-Urbiola, Julio A. Romero-Gonzalez", year: 2023,
        venue: "arXiv")
    static let crossEntropyLosses = Citation(
        title: "Cross-Entropy Loss Functions: Theoretical Analysis and Applications",
        authors: "Anqi Mao, Mehryar Mohri, Yutao Zhong", year: 2023, venue: "ICML")
    static let ldr = Citation(
        title: "Label Distributionally Robust Losses for Multi-class Classification: "
            + "Consistency, Robustness and Adaptivity",
        authors: "Dixian Zhu, Yiming Ying, Tianbao Yang", year: 2023, venue: "ICML")
    static let regressionSurvey = Citation(
        title: "A Comprehensive Survey of Regression Based Loss Functions for Time Series Forecasting",
        authors: "Aryan Jadon, Avinash Patil, Shruti Jadon", year: 2022, venue: "arXiv")
    static let sparsemax = Citation(
        title: "From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification",
        authors: "André F. T. Martins, Ramón F. Astudillo", year: 2016, venue: "ICML")
    static let wellClassified = Citation(
        title: "Well-classified Examples are Underestimated in Classification with Deep Neural Networks",
        authors: "Guangxiang Zhao, Wenkai Yang, Xuancheng Ren, Lei Li, Yunfang Wu, Xu Sun", year: 2022, venue: "AAAI")
    static let ensLoss = Citation(
        title: "EnsLoss: Stochastic Calibrated Loss Ensembles for Preventing Overfitting in Classification",
        authors: "Ben Dai", year: 2025, venue: "ICML")
    static let score = Citation(
        title: "SCoRe: Submodular Combinatorial Representation Learning",
        authors: "Anay Majee, Suraj Kothawade, Krishnateja Killamsetty, Rishabh Iyer", year: 2024, venue: "ICML")
    static let unpg = Citation(
        title: "Unified Negative Pair Generation toward Well-discriminative Feature Space for Face Recognition",
        authors: "Junuk Jung, Seonhoon Lee, Heung-Seon Oh, Yongjun Park, Joochan Park, Sungbin Son", year: 2022, venue: "arXiv")
    static let bayesianLongTail = Citation(
        title: "Long-tailed Classification from a Bayesian-decision-theory Perspective",
        authors: "Bolian Li, Ruqi Zhang", year: 2023, venue: "AABI")
    static let normalizedLosses = Citation(
        title: "Normalized Loss Functions for Deep Learning with Noisy Labels",
        authors: "Xingjun Ma, Hanxun Huang, Yisen Wang, Simone Romano, Sarah Erfani, James Bailey", year: 2020, venue: "ICML")
    static let partialFC = Citation(
        title: "Partial FC: Training 10 Million Identities on a Single Machine",
        authors: "Xiang An, Xuhan Zhu, Yuan Gao, et al.", year: 2021, venue: "ICCVW")
    static let zError = Citation(
        title: "Z-Error Loss for Training Neural Networks",
        authors: "Guillaume Godin", year: 2025, venue: "arXiv")
    static let squentropy = Citation(
        title: "Cut your Losses with Squentropy",
        authors: "Like Hui, Mikhail Belkin, Stephen Wright", year: 2023, venue: "ICML")
    static let circleLoss = Citation(
        title: "Circle Loss: A Unified Perspective of Pair Similarity Optimization",
        authors: "Yifan Sun, Changmao Cheng, Yuhan Zhang, et al.", year: 2020, venue: "CVPR")
    static let asymmetricLoss = Citation(
        title: "Asymmetric Loss For Multi-Label Classification",
        authors: "Tal Ridnik, Emanuel Ben-Baruch, Nadav Zamir, et al.", year: 2021, venue: "ICCV")
    static let saddlePoints = Citation(
        title: "Escaping Saddle Points for Effective Generalization on Class-Imbalanced Data",
        authors: "Harsh Rangwani, Sumukh K Aithal, Mayank Mishra, R. Venkatesh Babu", year: 2022, venue: "NeurIPS")
    static let hypersphericalNovelClasses = Citation(
        title: "Hyperspherical embedding for novel class classification",
        authors: "Rafael S. Pereira, Alexis Joly, Patrick Valduriez, Fabio Porto", year: 2021, venue: "arXiv")
    static let acousticPhoneticEmbeddings = Citation(
        title: "Learning Joint Acoustic-Phonetic Word Embeddings",
        authors: "Mohamed El-Geish", year: 2019, venue: "arXiv")
    static let contrastiveBehaviour = Citation(
        title: "Understanding the Behaviour of Contrastive Loss",
        authors: "Feng Wang, Huaping Liu", year: 2021, venue: "CVPR")
    static let mutualInformationLongTail = Citation(
        title: "Long-Tailed Recognition by Mutual Information Maximization between "
            + "Latent Features and Ground-Truth Labels",
        authors: "Min-Kook Suh, Seung-Woo Seo", year: 2023, venue: "ICML")
    static let neuralCollapseLinear = Citation(
        title: "Neural Collapse in Deep Linear Networks: From Balanced to Imbalanced Data",
        authors: "Hien Dang, Tho Tran, Stanley Osher, Hung Tran-The, Nhat Ho, Tan Nguyen", year: 2023, venue: "ICML")
    static let pseudoHuberDiffusion = Citation(
        title: "Improving Diffusion Models's Data-Corruption Resistance using Scheduled Pseudo-Huber Loss",
        authors: "Artem Khrapov, Vadim Popov, Tasnima Sadekova, Assel Yermekova, Mikhail Kudinov", year: 2024, venue: "arXiv")
    static let metricLearningOverview = Citation(
        title: "Deep Metric Learning for Computer Vision: A Brief Overview",
        authors: "Deen Dayal Mohan, Bhavin Jawade, Srirangaraj Setlur, Venu Govindaraju", year: 2023, venue: "arXiv")
    static let symmetricNeuralCollapse = Citation(
        title: "Symmetric Neural-Collapse Representations with Supervised Contrastive Loss: "
            + "The Impact of ReLU and Batching",
        authors: "Ganesh Ramachandra Kini, Vala Vakilian, Tina Behnia, Jaidev Gill, Christos Thrampoulidis", year: 2024, venue: "ICLR")
    static let subclassBalancing = Citation(
        title: "Subclass-balancing Contrastive Learning for Long-tailed Recognition",
        authors: "Chengkai Hou, Jieyu Zhang, Haonan Wang, Tianyi Zhou", year: 2023, venue: "ICCV")
    static let logarithmicLoss = Citation(
        title: "Concise Logarithmic Loss Function for Robust Training of Anomaly Detection Model",
        authors: "YeongHyeon Park", year: 2022, venue: "arXiv")
    static let simpleX = Citation(
        title: "SimpleX: A Simple and Strong Baseline for Collaborative Filtering",
        authors: "Kelong Mao, Jieming Zhu, Jinpeng Wang, et al.", year: 2021, venue: "CIKM")
    static let doublePenalty = Citation(
        title: "Fixing the Double Penalty in Data-Driven Weather Forecasting Through a Modified "
            + "Spherical Harmonic Loss Function",
        authors: "Christopher Subich, Syed Zahid Husain, Leo Separovic, Jing Yang", year: 2025, venue: "ICML")
}
